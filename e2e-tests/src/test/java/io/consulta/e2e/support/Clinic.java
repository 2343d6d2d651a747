package io.consulta.e2e.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Services.appointments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A fresh doctor (open every day 06:00–22:00 UTC) and patient in the real realm, for journeys that need a visit. */
public record Clinic(String doctorId, String doctorEmail, String patientId, String patientEmail) {

    public static final String PASSWORD = "Journey-Pass-2026";

    public static Clinic open(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doctorEmail = prefix + "-dr-" + suffix + "@journey.test";
        String patientEmail = prefix + "-pat-" + suffix + "@journey.test";
        String doctorId = Realm.createUser(doctorEmail, PASSWORD, "Dora " + prefix, "doctor");
        String patientId = Realm.createUser(patientEmail, PASSWORD, "Pat " + prefix, "patient");
        Clinic clinic = new Clinic(doctorId, doctorEmail, patientId, patientEmail);
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        as(clinic.doctorToken()).body("""
                        {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                         "horizonDays":30,"cancellationCutoffHours":24,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":30}]}""".formatted(everyDay))
                .put(appointments("/api/v1/doctors/" + doctorId + "/availability"))
                .then().statusCode(200);
        return clinic;
    }

    /** Another patient of the same doctor (no visit booked yet), for journeys about who may see what. */
    public Clinic withAnotherPatient(String prefix) {
        String email = prefix + "-pat-" + UUID.randomUUID().toString().substring(0, 8) + "@journey.test";
        return new Clinic(doctorId, doctorEmail, Realm.createUser(email, PASSWORD, "Pat " + prefix, "patient"), email);
    }

    /** A fresh token (they live minutes; fault journeys outlast one). */
    public String doctorToken() {
        return Realm.token(doctorEmail, PASSWORD);
    }

    public String patientToken() {
        return Realm.token(patientEmail, PASSWORD);
    }

    /** Free VIDEO slots on the day three days from now. */
    public List<String> freeSlots() {
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        return as(patientToken()).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(1)).toString()).queryParam("visitType", "VIDEO")
                .get(appointments("/api/v1/doctors/" + doctorId + "/slots"))
                .then().statusCode(200).extract().jsonPath().getList("slots.start", String.class);
    }

    /** Books {@code start} as the patient (201); returns the appointment id. */
    public String book(String patientToken, String start) {
        return as(patientToken).body(Map.of("doctorId", doctorId, "start", start, "visitType", "VIDEO",
                        "reason", "Follow-up"))
                .post(appointments("/api/v1/appointments"))
                .then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
    }

    /** The patient books the first free VIDEO slot three days from now; returns the appointment id. */
    public String bookFirstFreeSlot() {
        List<String> slots = freeSlots();
        assertThat(slots).as("free slots of the doctor").isNotEmpty();
        return book(patientToken(), slots.getFirst());
    }

    /** The arrange step of every journey about a pair in care: a visit booked, then their conversation opened. */
    public String bookAndOpenConversation() {
        bookFirstFreeSlot();
        return conversation();
    }

    /** Opens the patient's conversation with the doctor once chat-service has heard of a booking; returns its id. */
    public String conversation() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> id[0] =
                as(patientToken()).body(Map.of("doctorId", doctorId))
                        .post(Services.url("chat-service") + "/api/v1/conversations")
                        .then().statusCode(201).extract().path("id"));
        return id[0];
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
