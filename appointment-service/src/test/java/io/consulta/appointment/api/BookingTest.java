package io.consulta.appointment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.book;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BookingTest {

    @Test
    void a_patient_books_a_free_slot_and_the_booking_is_announced() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Instant nine = at(3, "09:00");

        String id = book(patientId, doctorId, nine)
                .statusCode(201)
                .header("Location", containsString("/api/v1/appointments/"))
                .body("doctorId", equalTo(doctorId))
                .body("patientId", equalTo(patientId))
                .body("start", equalTo(nine.toString()))
                .body("end", equalTo(nine.plus(Duration.ofMinutes(30)).toString()))
                .body("status", equalTo("booked"))
                .body("visitType", equalTo("IN_PERSON"))
                .body("reason", equalTo("Persistent cough"))
                .extract().path("id");

        JsonNode event = EventContracts.awaitValidEvent("consulta.appointments", "appointment.booked", id, Duration.ofSeconds(30));
        assertThat(event.path("data").path("doctorId").asText()).isEqualTo(doctorId);
        assertThat(event.path("data").path("patientId").asText()).isEqualTo(patientId);
        assertThat(event.path("data").path("start").asText()).isEqualTo(nine.toString());
        assertThat(event.path("data").path("status").asText()).isEqualTo("booked");
        assertThat(event.path("data").path("timeZone").asText()).isEqualTo("UTC");
        assertThat(event.path("data").has("reason")).as("the visit reason stays in the service").isFalse();
    }

    @Test
    void a_slot_that_is_taken_is_409_for_the_next_patient() {
        String doctorId = doctorWithHours();
        Instant nine = at(3, "09:00");
        book(newId("pat"), doctorId, nine).statusCode(201);

        book(newId("pat"), doctorId, nine).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not free"));
    }

    @Test
    void only_listed_slots_can_be_booked() {
        String doctorId = doctorWithHours();
        book(newId("pat"), doctorId, at(3, "09:10")).statusCode(409);
        book(newId("pat"), doctorId, at(3, "23:00")).statusCode(409);
        book(newId("pat"), doctorId, at(-1, "09:00")).statusCode(409);
        book(newId("pat"), doctorId, at(90, "09:00")).statusCode(409);
    }

    @Test
    void a_patient_cannot_hold_two_overlapping_visits_even_with_different_doctors() {
        String patientId = newId("pat");
        book(patientId, doctorWithHours(), at(3, "09:00")).statusCode(201);

        book(patientId, doctorWithHours(), at(3, "09:00")).statusCode(409)
                .body("detail", containsString("You already have a visit"));
        book(patientId, doctorWithHours(), at(3, "09:30")).statusCode(201);
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_books_once() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Map<String, String> body = Map.of("doctorId", doctorId, "start", at(3, "10:00").toString(), "visitType", "VIDEO");

        String first = asPatient(patientId).header("Idempotency-Key", "booking-42").body(body)
                .post("/api/v1/appointments").then().statusCode(201).header("Idempotent-Replayed", "false")
                .extract().path("id");
        String retry = asPatient(patientId).header("Idempotency-Key", "booking-42").body(body)
                .post("/api/v1/appointments").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertThat(retry).isEqualTo(first);
        asPatient(patientId).get("/api/v1/appointments").then().body("items.id", hasItem(first))
                .body("items.size()", equalTo(1));
    }

    @Test
    void an_idempotency_key_reused_for_another_booking_is_422_and_keys_are_per_patient() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        asPatient(patientId).header("Idempotency-Key", "k1")
                .body(Map.of("doctorId", doctorId, "start", at(3, "10:00").toString(), "visitType", "VIDEO"))
                .post("/api/v1/appointments").then().statusCode(201);

        asPatient(patientId).header("Idempotency-Key", "k1")
                .body(Map.of("doctorId", doctorId, "start", at(3, "11:00").toString(), "visitType", "VIDEO"))
                .post("/api/v1/appointments").then().statusCode(422).body("detail", containsString("k1"));
        asPatient(newId("pat")).header("Idempotency-Key", "k1")
                .body(Map.of("doctorId", doctorId, "start", at(3, "11:00").toString(), "visitType", "VIDEO"))
                .post("/api/v1/appointments").then().statusCode(201);
        asPatient(patientId).header("Idempotency-Key", "x".repeat(201))
                .body(Map.of("doctorId", doctorId, "start", at(3, "12:00").toString(), "visitType", "VIDEO"))
                .post("/api/v1/appointments").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void bad_booking_requests_are_400_with_the_fields_named() {
        String patientId = newId("pat");
        asPatient(patientId).body(Map.of("reason", "x")).post("/api/v1/appointments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("doctorId"))
                .body("errors.field", hasItem("start"))
                .body("errors.field", hasItem("visitType"));
        asPatient(patientId).body(Map.of("doctorId", "d", "start", "next tuesday", "visitType", "IN_PERSON"))
                .post("/api/v1/appointments").then().statusCode(400).contentType("application/problem+json");
        asPatient(patientId).body(Map.of("doctorId", "d", "start", at(3, "09:00").toString(), "visitType", "HOUSE_CALL"))
                .post("/api/v1/appointments").then().statusCode(400).contentType("application/problem+json");
        asPatient(patientId).body(Map.of("doctorId", "d", "start", at(3, "09:00").toString(), "visitType", "VIDEO",
                "reason", "x".repeat(1001))).post("/api/v1/appointments")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void unknown_doctors_and_doctors_without_hours_cannot_be_booked() {
        book(newId("pat"), newId("dr"), at(3, "09:00")).statusCode(404);

        String noHours = newId("dr");
        EventBus.publish("consulta.identity", "doctor.approved", noHours,
                EventContracts.example("doctor.approved", Map.of("userId", noHours, "name", "Dr. New")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                book(newId("pat"), noHours, at(3, "09:00")).statusCode(409)
                        .body("detail", containsString("not published any hours")));
    }

    @Test
    void only_patients_book() {
        String doctorId = doctorWithHours();
        asDoctor(newId("dr")).body(Map.of("doctorId", doctorId, "start", at(3, "09:00").toString(),
                "visitType", "IN_PERSON")).post("/api/v1/appointments").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("doctorId", doctorId, "start", at(3, "09:00").toString(), "visitType", "IN_PERSON"))
                .post("/api/v1/appointments").then().statusCode(401).contentType("application/problem+json");
    }
}
