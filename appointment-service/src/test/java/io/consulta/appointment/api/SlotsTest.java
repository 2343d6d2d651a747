package io.consulta.appointment.api;

import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.TimeOff;
import io.consulta.appointment.store.TimeOffRepository;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.booked;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SlotsTest {

    @Inject
    AppointmentRepository appointments;

    @Inject
    TimeOffRepository timeOff;

    @Test
    void lists_free_start_times_in_utc_and_on_the_doctors_clock() {
        String doctorId = newId("dr");
        Clinic.publishHours(doctorId, """
                {"timeZone":"Europe/Berlin","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                 "horizonDays":60,"visitTypes":[{"type":"IN_PERSON","minutes":30}]}""".formatted(
                String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
                        .map(day -> "\"" + day + "\":[{\"start\":\"09:00\",\"end\":\"10:00\"}]").toList())));
        Instant dayStart = at(3, "00:00");

        asPatient(newId("pat")).queryParam("from", dayStart.toString())
                .queryParam("to", dayStart.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/doctors/{id}/slots", doctorId)
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("visitType", equalTo("IN_PERSON"))
                .body("slots", hasSize(2))
                .body("slots[0].localStart", containsString("T09:00"))
                .body("slots[1].localStart", containsString("T09:30"));
    }

    @Test
    void booked_visits_disappear_from_the_free_slots() {
        String doctorId = doctorWithHours();
        Instant nine = at(3, "09:00");
        booked(newId("pat"), doctorId, nine);

        List<String> starts = slots(doctorId, at(3, "08:00"), at(3, "11:00"));

        assertThat(starts).containsExactly(at(3, "08:00").toString(), at(3, "08:30").toString(),
                at(3, "09:30").toString(), at(3, "10:00").toString(), at(3, "10:30").toString());
    }

    @Test
    void time_off_blocks_slots_and_removing_it_frees_them_again() {
        String doctorId = doctorWithHours();
        String timeOffId = asDoctor(doctorId).body(Map.of("start", at(4, "09:00").toString(),
                        "end", at(4, "10:00").toString(), "reason", "Conference"))
                .post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(201).body("overlappingAppointments", hasSize(0)).extract().path("id");

        assertThat(slots(doctorId, at(4, "08:30"), at(4, "10:30")))
                .containsExactly(at(4, "08:30").toString(), at(4, "10:00").toString());

        asDoctor(doctorId).delete("/api/v1/doctors/{id}/time-off/{t}", doctorId, timeOffId).then().statusCode(204);
        assertThat(slots(doctorId, at(4, "08:30"), at(4, "10:30"))).hasSize(4);
    }

    @Test
    void time_off_over_booked_visits_names_them_for_the_doctor() {
        String doctorId = doctorWithHours();
        String visitId = booked(newId("pat"), doctorId, at(5, "11:00"));

        asDoctor(doctorId).body(Map.of("start", at(5, "00:00").toString(), "end", at(6, "00:00").toString()))
                .post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(201).body("overlappingAppointments", hasItem(visitId));
        asDoctor(doctorId).get("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(200).body("[0].overlappingAppointments", hasItem(visitId));
    }

    @Test
    void time_off_is_the_doctors_own_business() {
        String doctorId = doctorWithHours();
        Map<String, String> body = Map.of("start", at(4, "09:00").toString(), "end", at(4, "10:00").toString());
        String timeOffId = asDoctor(doctorId).body(body).post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(201).extract().path("id");

        asDoctor(newId("dr")).body(body).post("/api/v1/doctors/{id}/time-off", doctorId).then().statusCode(403);
        asPatient(newId("pat")).get("/api/v1/doctors/{id}/time-off", doctorId).then().statusCode(403);
        asDoctor(newId("dr")).delete("/api/v1/doctors/{id}/time-off/{t}", doctorId, timeOffId).then().statusCode(403);
        String otherDoctor = doctorWithHours();
        asDoctor(otherDoctor).delete("/api/v1/doctors/{id}/time-off/{t}", otherDoctor, timeOffId).then().statusCode(404);
        asDoctor(doctorId).get("/api/v1/doctors/{id}/time-off", doctorId).then().body("id", hasItem(timeOffId));
    }

    @Test
    void bad_time_off_is_400() {
        String doctorId = doctorWithHours();
        asDoctor(doctorId).body(Map.of("start", at(4, "10:00").toString(), "end", at(4, "09:00").toString()))
                .post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(400).body("errors.field", hasItem("end"));
        asDoctor(doctorId).body(Map.of("start", "tomorrow")).post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
        asDoctor(doctorId).body(Map.of("start", at(4, "10:00").toString()))
                .post("/api/v1/doctors/{id}/time-off", doctorId)
                .then().statusCode(400).body("errors.field", hasItem("end"));
    }

    @Test
    void query_parameters_are_checked() {
        String doctorId = doctorWithHours();
        String path = "/api/v1/doctors/{id}/slots";
        asPatient(newId("pat")).get(path, doctorId).then().statusCode(400).body("errors.field", hasItem("to"));
        asPatient(newId("pat")).queryParam("from", "yesterday").queryParam("to", at(2, "00:00").toString())
                .get(path, doctorId).then().statusCode(400).body("errors.field", hasItem("from"));
        asPatient(newId("pat")).queryParam("from", at(2, "00:00").toString()).queryParam("to", at(1, "00:00").toString())
                .get(path, doctorId).then().statusCode(400).body("detail", containsString("after from"));
        asPatient(newId("pat")).queryParam("from", at(1, "00:00").toString()).queryParam("to", at(100, "00:00").toString())
                .get(path, doctorId).then().statusCode(400).body("detail", containsString("92 days"));
        asPatient(newId("pat")).queryParam("to", at(2, "00:00").toString()).queryParam("visitType", "HOUSE_CALL")
                .get(path, doctorId).then().statusCode(400).body("errors.field", hasItem("visitType"));
    }

    @Test
    void a_visit_type_the_doctor_does_not_offer_is_400_and_an_unknown_doctor_is_404() {
        String doctorId = newId("dr");
        Clinic.publishHours(doctorId, """
                {"timeZone":"UTC","weeklyHours":{"MONDAY":[{"start":"09:00","end":"10:00"}]},"slotMinutes":30,
                 "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""");
        asPatient(newId("pat")).queryParam("to", at(7, "00:00").toString()).queryParam("visitType", "VIDEO")
                .get("/api/v1/doctors/{id}/slots", doctorId)
                .then().statusCode(400).body("detail", containsString("does not offer VIDEO"));
        asPatient(newId("pat")).queryParam("to", at(7, "00:00").toString())
                .get("/api/v1/doctors/{id}/slots", newId("dr")).then().statusCode(404);
    }

    @Test
    void a_doctor_disabled_on_consulta_identity_can_no_longer_be_booked() {
        String doctorId = doctorWithHours();
        EventBus.publish("consulta.identity", "user.disabled", doctorId, EventContracts.example("user.disabled",
                Map.of("userId", doctorId, "role", "doctor", "name", "Dr. Gone")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asPatient(newId("pat")).queryParam("to", at(7, "00:00").toString())
                        .get("/api/v1/doctors/{id}/slots", doctorId).then().statusCode(404));
        Clinic.book(newId("pat"), doctorId, at(3, "09:00")).statusCode(404);
    }

    @Test
    void a_doctor_approved_on_consulta_identity_is_known_by_name() {
        String doctorId = newId("dr");
        EventBus.publish("consulta.identity", "doctor.approved", doctorId,
                EventContracts.example("doctor.approved", Map.of("userId", doctorId, "name", "Dr. Gregory House")));
        Clinic.publishHours(doctorId, Clinic.OPEN_EVERY_DAY);

        String id = booked(newId("pat"), doctorId, at(3, "09:00"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asDoctor(doctorId)
                .get("/api/v1/appointments/{id}", id).then().body("doctorName", equalTo("Dr. Gregory House")));
    }

    @Test
    void a_visit_another_replica_booked_disappears_from_the_slots_within_the_refresh_time() {
        String doctorId = doctorWithHours();
        assertThat(nineToTen(doctorId)).hasSize(2);
        Appointment elsewhere = new Appointment();
        elsewhere.id = newId("visit");
        elsewhere.kind = Appointment.VISIT;
        elsewhere.doctorId = doctorId;
        elsewhere.patientId = newId("pat");
        elsewhere.start = at(3, "09:00");
        elsewhere.end = at(3, "09:30");
        elsewhere.visitType = VisitType.IN_PERSON;
        elsewhere.status = AppointmentStatus.BOOKED;
        elsewhere.claims = List.of("test:" + elsewhere.id);
        elsewhere.idempotencyKey = "auto:" + elsewhere.id;
        elsewhere.updatedAt = Instant.now();
        appointments.persist(elsewhere);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(nineToTen(doctorId)).containsExactly(at(3, "09:30").toString()));
    }

    @Test
    void a_visit_another_replica_cancelled_frees_its_slot_within_the_refresh_time() {
        String doctorId = doctorWithHours();
        String visitId = booked(newId("pat"), doctorId, at(3, "09:00"));
        assertThat(nineToTen(doctorId)).containsExactly(at(3, "09:30").toString());

        appointments.mongoCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", visitId),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("status", AppointmentStatus.CANCELLED.name()),
                        com.mongodb.client.model.Updates.set("claims", List.of()),
                        com.mongodb.client.model.Updates.set("updatedAt", Instant.now())));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(nineToTen(doctorId)).hasSize(2));
    }

    @Test
    void time_off_another_replica_added_hides_its_slots_within_the_refresh_time() {
        String doctorId = doctorWithHours();
        assertThat(nineToTen(doctorId)).hasSize(2);
        TimeOff away = new TimeOff();
        away.id = newId("off");
        away.doctorId = doctorId;
        away.start = at(3, "09:00");
        away.end = at(3, "09:30");
        away.createdAt = Instant.now();
        timeOff.persist(away);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(nineToTen(doctorId)).containsExactly(at(3, "09:30").toString()));
    }

    /** The slots three days ahead between 09:00 and 10:00, where each test below books or blocks. */
    private static List<String> nineToTen(String doctorId) {
        return slots(doctorId, at(3, "09:00"), at(3, "10:00"));
    }

    private static List<String> slots(String doctorId, Instant from, Instant to) {
        return asPatient(newId("pat")).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/doctors/{id}/slots", doctorId)
                .then().statusCode(200).body("slots.start", not(hasItem((Object) null)))
                .extract().jsonPath().getList("slots.start", String.class);
    }
}
