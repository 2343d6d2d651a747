package io.consulta.notes.api;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.consulta.notes.NotesFixtures.PROBLEM;
import static io.consulta.notes.NotesFixtures.book;
import static io.consulta.notes.NotesFixtures.doctorCaringFor;
import static io.consulta.notes.NotesFixtures.doctorApproved;
import static io.consulta.notes.NotesFixtures.issue;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.patientRegistered;
import static io.consulta.notes.NotesFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The pharmacist's check: no account, no patient identity, and no way to enumerate codes. */
@QuarkusTest
class PrescriptionCheckTest {

    /** Each test is its own pharmacy (client address), so the per-address limit of one does not touch another. */
    private static final AtomicInteger PHARMACY = new AtomicInteger();

    @Inject
    MongoClient mongo;

    private static String pharmacy() {
        return "203.0.113." + PHARMACY.incrementAndGet();
    }

    private static Response check(String client, String code) {
        return given().header("X-Forwarded-For", client).when().get("/api/v1/prescription-checks/" + code);
    }

    private static String code(String patient, String id) {
        return given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/prescriptions/" + id)
                .then().extract().path("verificationCode");
    }

    @Test
    void aValidPrescriptionIsConfirmedWithMedicationsAndDateButNoIdentity() {
        String patient = newId("pat");
        String doctor = newId("doc");
        patientRegistered(patient, "Alice Martins", "1990-04-12");
        doctorApproved(doctor, "Dr Gregory House", "PT-1");
        book(patient, doctor);
        String id = issue(doctor, patient);
        String code = code(patient, id);
        String client = pharmacy();
        String body = check(client, code).then().statusCode(200).contentType("application/json")
                .body("status", equalTo("valid")).body("medications", contains("Amoxicillin"))
                .body("issuedOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("validUntil", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .extract().asString();
        assertThat(body).doesNotContain(patient, doctor, "Alice", "House", "1990", id);
        // typed the way people type codes: lower case, without dashes
        check(client, code.toLowerCase().replace("-", "")).then().statusCode(200).body("status", equalTo("valid"));
        assertThat(mongo.getDatabase("consulta_notes").getCollection("audit_log")
                .countDocuments(Filters.and(Filters.eq("subject", id), Filters.eq("action", "checked prescription"))))
                .isEqualTo(2);
    }

    @Test
    void aCancelledPrescriptionIsReportedCancelledAndAnOutdatedOneExpired() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String cancelled = issue(doctor, patient);
        post(TestTokens.doctor(doctor), "/api/v1/prescriptions/" + cancelled + "/cancel", Map.of("reason", "Allergy"))
                .then().statusCode(200);
        String client = pharmacy();
        check(client, code(patient, cancelled)).then().statusCode(200).body("status", equalTo("cancelled"));

        String outdated = issue(doctor, patient);
        // as if the last valid day had passed
        mongo.getDatabase("consulta_notes").getCollection("prescriptions").updateOne(Filters.eq("_id", outdated),
                Updates.set("validUntil", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        check(client, code(patient, outdated)).then().statusCode(200).body("status", equalTo("expired"));
    }

    @Test
    void anUnknownOrMalformedCodeIsNotFoundWithoutEchoingIt() {
        String client = pharmacy();
        check(client, "0000-0000-0000-0000-0000").then().statusCode(404).contentType(PROBLEM)
                .body("detail", not(containsString("0000")));
        check(client, "x".repeat(500)).then().statusCode(404).contentType(PROBLEM)
                .body("detail", not(containsString("xxx")));
    }

    @Test
    void aClientAskingTooOftenIsToldToWaitOthersAreNot() {
        String client = pharmacy();
        for (int i = 0; i < 10; i++) {
            check(client, "0000-0000-0000-0000-000" + i).then().statusCode(404);
        }
        String retryAfter = check(client, "0000-0000-0000-0000-0000").then().statusCode(429).contentType(PROBLEM)
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
        check(pharmacy(), "0000-0000-0000-0000-0000").then().statusCode(404);
    }
}
