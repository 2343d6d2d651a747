package io.consulta.appointment.api;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.as;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.book;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.hold;
import static io.consulta.appointment.api.Clinic.newId;
import static io.consulta.appointment.api.Clinic.slotsAround;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Issue 16 items 4, 5 and 8: one patient cannot take the doctors' scarce time from everyone else. */
@QuarkusTest
class FairUseTest {

    @Test
    void a_replaced_hold_frees_its_slot_for_everyone_at_once() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Instant nine = at(3, "09:00");
        hold(patientId, doctorId, nine).then().statusCode(201);
        slotsAround(doctorId, nine).body("slots.start", not(hasItem(nine.toString())));

        hold(patientId, doctorId, at(3, "10:00")).then().statusCode(201);

        slotsAround(doctorId, nine).body("slots.start", hasItem(nine.toString()));
    }

    @Test
    void holds_are_limited_per_patient_with_a_retry_after() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        for (int i = 0; i < 10; i++) {
            hold(patientId, doctorId, at(4, "%02d:00".formatted(8 + i))).then().statusCode(201);
        }

        hold(patientId, doctorId, at(4, "19:00")).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("Too many holds"));
        hold(newId("pat"), doctorId, at(4, "19:00")).then().statusCode(201);
    }

    @Test
    void a_patient_has_at_most_three_upcoming_visits_with_one_doctor() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        for (String time : new String[] {"09:00", "10:00", "11:00"}) {
            book(patientId, doctorId, at(5, time)).statusCode(201);
        }

        book(patientId, doctorId, at(5, "12:00")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("3 upcoming visits with this doctor"));
        book(patientId, doctorWithHours(), at(5, "12:00")).statusCode(201);
        book(newId("pat"), doctorId, at(5, "12:00")).statusCode(201);
    }

    @Test
    void bookings_are_limited_per_patient_with_a_retry_after() {
        String patientId = newId("pat");
        for (int i = 0; i < 10; i++) {
            book(patientId, doctorWithHours(), at(6, "%02d:00".formatted(8 + i))).statusCode(201);
        }

        book(patientId, doctorWithHours(), at(6, "19:00")).statusCode(429)
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
    }

    @Test
    void a_patient_books_and_holds_only_after_verifying_their_email_address() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        Map<String, String> visit = Map.of("doctorId", doctorId, "start", at(3, "14:00").toString(),
                "visitType", "IN_PERSON");

        as(TestTokens.unverifiedPatient(patientId)).body(visit).post("/api/v1/appointments")
                .then().statusCode(403).body("detail", containsString("Verify your e-mail address"));
        as(TestTokens.unverifiedPatient(patientId)).body(visit).post("/api/v1/holds")
                .then().statusCode(403);
        asPatient(patientId).body(visit).post("/api/v1/appointments").then().statusCode(201);
    }
}
