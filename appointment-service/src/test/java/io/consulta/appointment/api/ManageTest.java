package io.consulta.appointment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.appointment.api.Clinic.Visit;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.aBookedVisit;
import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.book;
import static io.consulta.appointment.api.Clinic.booked;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ManageTest extends WithTestClock {

    @Test
    void a_patient_sees_their_visits_and_a_doctor_their_schedule_paged_in_start_order() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        String first = booked(patientId, doctorId, at(3, "09:00"));
        String second = booked(patientId, doctorId, at(4, "09:00"));
        String third = booked(patientId, doctorId, at(5, "09:00"));
        booked(newId("pat"), doctorId, at(3, "10:00"));

        String cursor = asPatient(patientId).queryParam("limit", 2).get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", equalTo(List.of(first, second)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        asPatient(patientId).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", equalTo(List.of(third))).body("nextCursor", nullValue());

        asDoctor(doctorId).get("/api/v1/appointments").then().statusCode(200).body("items", hasSize(4));
        asDoctor(doctorId).queryParam("from", at(3, "00:00").toString()).queryParam("to", at(4, "00:00").toString())
                .get("/api/v1/appointments").then().body("items", hasSize(2));
    }

    @Test
    void the_list_filters_by_status_and_checks_its_parameters() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        String kept = booked(patientId, doctorId, at(3, "09:00"));
        String cancelled = booked(patientId, doctorId, at(4, "09:00"));
        asPatient(patientId).body(Map.of()).post("/api/v1/appointments/{id}/cancel", cancelled).then().statusCode(200);

        asPatient(patientId).queryParam("status", "cancelled").get("/api/v1/appointments")
                .then().body("items.id", equalTo(List.of(cancelled)));
        asPatient(patientId).queryParam("status", "booked").get("/api/v1/appointments")
                .then().body("items.id", equalTo(List.of(kept)));
        asPatient(patientId).queryParam("status", "done").get("/api/v1/appointments")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        asPatient(patientId).queryParam("limit", 0).get("/api/v1/appointments").then().statusCode(400);
        asPatient(patientId).queryParam("limit", 101).get("/api/v1/appointments").then().statusCode(400);
        asPatient(patientId).queryParam("cursor", "not-a-cursor").get("/api/v1/appointments")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        asPatient(patientId).queryParam("from", "soon").get("/api/v1/appointments").then().statusCode(400);
    }

    @Test
    void nobody_else_sees_or_touches_a_visit() {
        Visit visit = aBookedVisit();
        String stranger = newId("pat");
        String otherDoctor = doctorWithHours();

        asPatient(visit.patientId()).get("/api/v1/appointments/{id}", visit.id()).then().statusCode(200);
        asDoctor(visit.doctorId()).get("/api/v1/appointments/{id}", visit.id()).then().statusCode(200);
        for (var caller : List.of(asPatient(stranger), asDoctor(otherDoctor), Clinic.as(TestTokens.admin(newId("adm"))))) {
            caller.get("/api/v1/appointments/{id}", visit.id())
                    .then().statusCode(404).contentType("application/problem+json");
        }
        asPatient(stranger).body(Map.of("start", at(3, "11:00").toString()))
                .post("/api/v1/appointments/{id}/reschedule", visit.id()).then().statusCode(404);
        asPatient(stranger).body(Map.of()).post("/api/v1/appointments/{id}/cancel", visit.id()).then().statusCode(404);
        for (String action : List.of("check-in", "start", "complete", "no-show", "cancel")) {
            asDoctor(otherDoctor).body(Map.of()).post("/api/v1/appointments/{id}/" + action, visit.id())
                    .then().statusCode(404);
        }
        asPatient(stranger).get("/api/v1/appointments").then().body("items", hasSize(0));
        asDoctor(otherDoctor).get("/api/v1/appointments").then().body("items", hasSize(0));
        Clinic.as(TestTokens.admin(newId("adm"))).get("/api/v1/appointments").then().statusCode(403);
        asPatient(visit.patientId()).get("/api/v1/appointments/{id}", newId("nope")).then().statusCode(404);
        asPatient(visit.patientId()).get("/api/v1/appointments/{id}", visit.id())
                .then().body("status", equalTo("booked"));
    }

    @Test
    void rescheduling_takes_the_new_slot_and_frees_the_old_one_or_changes_nothing() {
        Visit visit = aBookedVisit();
        booked(newId("pat"), visit.doctorId(), at(3, "10:00"));

        asPatient(visit.patientId()).body(Map.of("start", at(3, "10:00").toString()))
                .post("/api/v1/appointments/{id}/reschedule", visit.id()).then().statusCode(409);
        asPatient(visit.patientId()).get("/api/v1/appointments/{id}", visit.id())
                .then().body("start", equalTo(at(3, "09:00").toString()));

        asPatient(visit.patientId()).body(Map.of("start", at(3, "11:00").toString()))
                .post("/api/v1/appointments/{id}/reschedule", visit.id())
                .then().statusCode(200).body("start", equalTo(at(3, "11:00").toString())).body("status", equalTo("booked"));
        book(newId("pat"), visit.doctorId(), at(3, "09:00")).statusCode(201);
        book(newId("pat"), visit.doctorId(), at(3, "11:00")).statusCode(409);

        JsonNode event = EventContracts.awaitValidEvent("consulta.appointments", "appointment.rescheduled", visit.id(), Duration.ofSeconds(30));
        assertThat(event.path("data").path("previousStart").asText()).isEqualTo(at(3, "09:00").toString());
        assertThat(event.path("data").path("start").asText()).isEqualTo(at(3, "11:00").toString());
    }

    @Test
    void rescheduling_into_an_overlap_with_itself_works() {
        Visit visit = aBookedVisit();

        asDoctor(visit.doctorId()).body(Map.of("start", at(3, "09:30").toString(), "visitType", "VIDEO"))
                .post("/api/v1/appointments/{id}/reschedule", visit.id())
                .then().statusCode(200).body("visitType", equalTo("VIDEO"));
        asPatient(visit.patientId()).body(Map.of()).post("/api/v1/appointments/{id}/reschedule", visit.id())
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
    }

    @Test
    void a_cancelled_visit_frees_its_slot_and_says_who_cancelled() {
        Visit visit = aBookedVisit();

        asPatient(visit.patientId()).body(Map.of("reason", "Feeling better"))
                .post("/api/v1/appointments/{id}/cancel", visit.id())
                .then().statusCode(200).body("status", equalTo("cancelled"))
                .body("cancelledBy", equalTo("patient")).body("cancellationReason", equalTo("Feeling better"));
        book(newId("pat"), visit.doctorId(), at(3, "09:00")).statusCode(201);
        asPatient(visit.patientId()).body(Map.of()).post("/api/v1/appointments/{id}/cancel", visit.id())
                .then().statusCode(409).body("detail", containsString("cancelled appointment cannot be cancelled"));

        JsonNode event = EventContracts.awaitValidEvent("consulta.appointments", "appointment.cancelled", visit.id(), Duration.ofSeconds(30));
        assertThat(event.path("data").path("cancelledBy").asText()).isEqualTo("patient");
    }

    @Test
    void patients_change_visits_only_before_the_cutoff_doctors_any_time() {
        Visit visit = aBookedVisit();
        asPatient(visit.patientId()).body(Map.of("start", at(3, "10:00").toString()))
                .post("/api/v1/appointments/{id}/reschedule", visit.id()).then().statusCode(200);
        clock.travel(Duration.between(Instant.now(), at(3, "08:00")));

        asPatient(visit.patientId()).body(Map.of()).post("/api/v1/appointments/{id}/cancel", visit.id())
                .then().statusCode(409).body("detail", containsString("24 hours before"));
        asDoctor(visit.doctorId()).body(Map.of("reason", "Emergency"))
                .post("/api/v1/appointments/{id}/cancel", visit.id())
                .then().statusCode(200).body("cancelledBy", equalTo("doctor"));
    }

    @Test
    void the_doctor_runs_the_visit_from_check_in_to_completion() {
        Visit visit = aBookedVisit();

        asPatient(visit.patientId()).post("/api/v1/appointments/{id}/check-in", visit.id()).then().statusCode(403);
        asDoctor(visit.doctorId()).post("/api/v1/appointments/{id}/complete", visit.id())
                .then().statusCode(409).body("detail", containsString("booked appointment cannot be completed"));
        asDoctor(visit.doctorId()).post("/api/v1/appointments/{id}/check-in", visit.id())
                .then().statusCode(200).body("status", equalTo("arrived")).body("checkedInAt", notNullValue());
        asDoctor(visit.doctorId()).post("/api/v1/appointments/{id}/start", visit.id())
                .then().statusCode(200).body("startedAt", notNullValue());
        asDoctor(visit.doctorId()).post("/api/v1/appointments/{id}/start", visit.id()).then().statusCode(409);
        asDoctor(visit.doctorId()).post("/api/v1/appointments/{id}/complete", visit.id())
                .then().statusCode(200).body("status", equalTo("fulfilled")).body("completedAt", notNullValue());
        asDoctor(visit.doctorId()).body(Map.of()).post("/api/v1/appointments/{id}/cancel", visit.id())
                .then().statusCode(409);

        for (String type : List.of("appointment.checked-in", "appointment.started", "appointment.completed")) {
            EventContracts.awaitValidEvent("consulta.appointments", type, visit.id(), Duration.ofSeconds(30));
        }
    }

    @Test
    void a_no_show_is_recorded_only_once_the_visit_should_have_begun() {
        String doctorId = doctorWithHours();
        String id = booked(newId("pat"), doctorId, at(3, "09:00"));

        asDoctor(doctorId).post("/api/v1/appointments/{id}/no-show", id).then().statusCode(409);
        clock.travel(Duration.between(Instant.now(), at(3, "09:20")));
        asDoctor(doctorId).post("/api/v1/appointments/{id}/no-show", id)
                .then().statusCode(200).body("status", equalTo("noshow"));
        EventContracts.awaitValidEvent("consulta.appointments", "appointment.no-show", id, Duration.ofSeconds(30));
    }
}
