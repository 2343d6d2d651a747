package io.consulta.notes.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.notes.PdfReader;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.consulta.notes.NotesFixtures.PROBLEM;
import static io.consulta.notes.NotesFixtures.WAIT;
import static io.consulta.notes.NotesFixtures.book;
import static io.consulta.notes.NotesFixtures.doctorCaringFor;
import static io.consulta.notes.NotesFixtures.doctorApproved;
import static io.consulta.notes.NotesFixtures.issue;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.patientRegistered;
import static io.consulta.notes.NotesFixtures.post;
import static io.consulta.notes.NotesFixtures.prescription;
import static io.consulta.notes.NotesFixtures.prescriptions;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Prescriptions: issued by the patient's doctor, listed by both, cancelled by the issuer, printed as a PDF. */
@QuarkusTest
class PrescriptionApiTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Test
    void aDoctorIssuesAPrescriptionThePatientListsItAndTheEventCarriesIdsOnly() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String id = post(TestTokens.doctor(doctor), prescriptions(patient), prescription()).then().statusCode(201)
                .header("Location", containsString("/api/v1/prescriptions/"))
                .body("patientId", equalTo(patient)).body("doctorId", equalTo(doctor))
                .body("status", equalTo("active")).body("statusReason", nullValue())
                .body("items[0].medication", equalTo("Amoxicillin")).body("items[0].strength", equalTo("500 mg"))
                .body("items[0].form", equalTo("capsule")).body("items[0].quantity", equalTo(21))
                .body("items[0].refills", equalTo(0)).body("note", equalTo("Take with food"))
                .body("validUntil", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .body("verificationCode", matchesPattern("([0-9A-Z]{4}-){4}[0-9A-Z]{4}"))
                .body("issuedAt", notNullValue()).extract().path("id");

        given().auth().oauth2(TestTokens.patient(patient)).when().get(prescriptions(patient))
                .then().statusCode(200).body("items.id", contains(id)).body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/prescriptions/" + id)
                .then().statusCode(200).body("items[0].dosageInstructions",
                        equalTo("One capsule three times a day for 7 days"));

        JsonNode event = EventContracts.awaitValidEvent("consulta.notes", "prescription.issued", id, WAIT);
        assertThat(event.path("data").path("prescriptionId").asText()).isEqualTo(id);
        assertThat(event.path("data").path("patientId").asText()).isEqualTo(patient);
        assertThat(event.path("data").path("doctorId").asText()).isEqualTo(doctor);
        assertThat(event.toString()).doesNotContain("Amoxicillin", "food");
    }

    @Test
    void onlyADoctorInACareRelationshipIssues() {
        String patient = newId("pat");
        post(TestTokens.patient(patient), prescriptions(patient), prescription()).then().statusCode(403)
                .contentType(PROBLEM);
        post(TestTokens.doctor(newId("doc")), prescriptions(patient), prescription()).then().statusCode(404)
                .contentType(PROBLEM);
        post(TestTokens.admin(newId("adm")), prescriptions(patient), prescription()).then().statusCode(404);
        post(TestTokens.patient(newId("pat")), prescriptions(patient), prescription()).then().statusCode(404);
    }

    @Test
    void badPrescriptionsAreRefusedFieldByField() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        Map<String, Object> bad = new HashMap<>();
        bad.put("items", List.of(Map.of("medication", "", "strength", "1 mg", "form", "tablet",
                "dosageInstructions", "daily", "quantity", 0)));
        bad.put("validUntil", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        post(TestTokens.doctor(doctor), prescriptions(patient), bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("items[0].medication", "items[0].quantity", "validUntil"));
        post(TestTokens.doctor(doctor), prescriptions(patient), Map.of("items", List.of(), "validUntil", "soon"))
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.doctor(doctor)).when().get(prescriptions(patient))
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.empty());
    }

    @Test
    void theIssuingDoctorCancelsWithAReasonOnceOthersCannot() {
        String patient = newId("pat");
        String doctor = newId("doc");
        String colleague = newId("doc");
        book(patient, doctor);
        book(patient, colleague);
        String id = issue(doctor, patient);
        String path = "/api/v1/prescriptions/" + id + "/cancel";

        post(TestTokens.doctor(colleague), path, Map.of("reason", "not mine")).then().statusCode(403)
                .contentType(PROBLEM);
        post(TestTokens.patient(patient), path, Map.of("reason", "do not want it")).then().statusCode(403);
        post(TestTokens.doctor(newId("doc")), path, Map.of("reason", "x")).then().statusCode(404);
        post(TestTokens.doctor(doctor), path, Map.of("reason", " ")).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        post(TestTokens.doctor(doctor), path, Map.of("reason", "Allergy reported")).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("statusReason", equalTo("Allergy reported"))
                .body("statusChangedAt", notNullValue());
        post(TestTokens.doctor(doctor), path, Map.of("reason", "again")).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.doctor(colleague)).when().get("/api/v1/prescriptions/" + id)
                .then().statusCode(200).body("status", equalTo("cancelled"));

        JsonNode event = EventContracts.awaitValidEvent("consulta.notes", "prescription.cancelled", id, WAIT);
        assertThat(event.path("data").path("status").asText()).isEqualTo("cancelled");
        assertThat(event.toString()).doesNotContain("Allergy");

        String wrong = issue(doctor, patient);
        post(TestTokens.doctor(doctor), "/api/v1/prescriptions/" + wrong + "/cancel",
                Map.of("reason", "Wrong patient", "enteredInError", true)).then().statusCode(200)
                .body("status", equalTo("entered-in-error"));
    }

    @Test
    void thePdfNamesDoctorWithLicenceAndPatientWithDateOfBirthAndCarriesTheCodeAsQr() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        // issued before the identity events have arrived: the PDF takes what came since
        String[] id = {issue(doctor, patient)};
        patientRegistered(patient, "Alice Martins", "1990-04-12");
        doctorApproved(doctor, "Dr Gregory House", "PT-778899");
        await().atMost(WAIT).until(() -> {
            String text = PdfReader.text(pdf(TestTokens.patient(patient), id[0]));
            return text.contains("PT-778899") && text.contains("1990-04-12");
        });
        String code = given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/prescriptions/" + id[0])
                .then().extract().path("verificationCode");

        byte[] pdf = pdf(TestTokens.doctor(doctor), id[0]);
        String text = PdfReader.text(pdf);
        assertThat(text).contains("Prescriber: Dr Gregory House", "Licence number: PT-778899",
                "Patient: Alice Martins", "Date of birth: 1990-04-12", "Date of issue: " + TODAY,
                "1. Amoxicillin 500 mg, capsule", "One capsule three times a day for 7 days", "Quantity: 21",
                "Valid until: " + LocalDate.now(ZoneOffset.UTC).plusDays(30), "Note: Take with food",
                "Verification code: " + code);
        assertThat(PdfReader.qrCode(pdf)).isEqualTo("http://localhost:8084/api/v1/prescription-checks/"
                + code.replace("-", ""));

        given().auth().oauth2(TestTokens.doctor(newId("doc"))).when().get("/api/v1/prescriptions/" + id[0] + "/pdf")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPatientHasABoundedNumberOfActivePrescriptions() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String first = issue(doctor, patient);
        for (int i = 1; i < 5; i++) {
            issue(doctor, patient);
        }
        post(TestTokens.doctor(doctor), prescriptions(patient), prescription()).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("at most 5 active prescriptions"));
        post(TestTokens.doctor(doctor), "/api/v1/prescriptions/" + first + "/cancel", Map.of("reason", "done"))
                .then().statusCode(200);
        issue(doctor, patient);
    }

    @Test
    void listsPageNewestFirstAndStrangersSeeNothing() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String first = issue(doctor, patient);
        String second = issue(doctor, patient);
        String third = issue(doctor, patient);
        String cursor = given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 2)
                .when().get(prescriptions(patient)).then().statusCode(200).body("items.id", contains(third, second))
                .extract().path("nextCursor");
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(prescriptions(patient)).then().body("items.id", contains(first))
                .body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", "x").when().get(prescriptions(patient))
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        for (String token : List.of(TestTokens.doctor(newId("doc")), TestTokens.patient(newId("pat")),
                TestTokens.admin(newId("adm")))) {
            given().auth().oauth2(token).when().get(prescriptions(patient)).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/v1/prescriptions/" + first).then().statusCode(404);
        }
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/prescriptions/nope")
                .then().statusCode(404).contentType(PROBLEM);
    }

    static byte[] pdf(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/prescriptions/" + id + "/pdf").then()
                .statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("prescription-" + id + ".pdf"))
                .extract().asByteArray();
    }
}
