package io.consulta.appointment.api;

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
import static io.consulta.appointment.api.Clinic.hold;
import static io.consulta.appointment.api.Clinic.newId;
import static io.consulta.appointment.api.Clinic.slotsAround;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HoldTest extends WithTestClock {

    @Test
    void a_hold_keeps_the_slot_from_others_and_converts_into_the_booking() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Instant nine = at(3, "09:00");

        String holdId = hold(patientId, doctorId, nine).then().statusCode(201)
                .body("expiresAt", notNullValue()).body("start", equalTo(nine.toString())).extract().path("id");

        slotsAround(doctorId, nine).body("slots.start", not(hasItem(nine.toString())));
        book(newId("pat"), doctorId, nine).statusCode(409);

        String bookedId = asPatient(patientId).body(Map.of("doctorId", doctorId, "start", nine.toString(),
                        "visitType", "IN_PERSON", "holdId", holdId)).post("/api/v1/appointments")
                .then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
        assertThat(bookedId).isEqualTo(holdId);
    }

    @Test
    void a_hold_expires_by_itself() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Instant nine = at(3, "09:00");
        String holdId = hold(patientId, doctorId, nine).then().statusCode(201).extract().path("id");

        clock.travel(Duration.ofMinutes(6));

        slotsAround(doctorId, nine).body("slots.start", hasItem(nine.toString()));
        asPatient(patientId).body(Map.of("doctorId", doctorId, "start", nine.toString(), "visitType", "IN_PERSON",
                "holdId", holdId)).post("/api/v1/appointments").then().statusCode(409).body("detail", containsString("expired"));
        book(newId("pat"), doctorId, nine).statusCode(201);
    }

    @Test
    void a_new_hold_replaces_the_patients_previous_one_and_a_released_hold_frees_the_slot() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        hold(patientId, doctorId, at(3, "09:00")).then().statusCode(201);
        String second = hold(patientId, doctorId, at(3, "10:00")).then().statusCode(201).extract().path("id");

        book(newId("pat"), doctorId, at(3, "09:00")).statusCode(201);

        asPatient(patientId).delete("/api/v1/holds/{id}", second).then().statusCode(204);
        book(newId("pat"), doctorId, at(3, "10:00")).statusCode(201);
        asPatient(patientId).delete("/api/v1/holds/{id}", second).then().statusCode(404);
    }

    @Test
    void a_hold_is_its_patients_alone() {
        String doctorId = doctorWithHours();
        Instant nine = at(3, "09:00");
        String holdId = hold(newId("pat"), doctorId, nine).then().statusCode(201).extract().path("id");

        asPatient(newId("pat")).body(Map.of("doctorId", doctorId, "start", nine.toString(), "visitType", "IN_PERSON",
                "holdId", holdId)).post("/api/v1/appointments").then().statusCode(404);
        asPatient(newId("pat")).delete("/api/v1/holds/{id}", holdId).then().statusCode(404);
        asDoctor(doctorId).body(Map.of("doctorId", doctorId, "start", at(3, "11:00").toString(), "visitType", "IN_PERSON"))
                .post("/api/v1/holds").then().statusCode(403);
    }

    @Test
    void a_hold_for_something_else_cannot_be_booked_and_bad_holds_are_400() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        String holdId = hold(patientId, doctorId, at(3, "09:00")).then().statusCode(201).extract().path("id");

        asPatient(patientId).body(Map.of("doctorId", doctorId, "start", at(3, "10:00").toString(),
                        "visitType", "IN_PERSON", "holdId", holdId)).post("/api/v1/appointments")
                .then().statusCode(409).body("detail", containsString("book exactly what you held"));
        asPatient(patientId).body(Map.of("doctorId", doctorId)).post("/api/v1/holds")
                .then().statusCode(400).body("errors.field", hasItem("start"));
        hold(patientId, doctorId, at(3, "09:10")).then().statusCode(409);
    }
}
