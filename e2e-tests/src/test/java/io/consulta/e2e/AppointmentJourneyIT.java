package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.StackExtension;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Clinic.PASSWORD;
import static io.consulta.e2e.support.Clinic.as;
import static io.consulta.e2e.support.Services.appointments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A visit from the doctor's hours to the patient's cancellation, with real Keycloak tokens and events on Kafka. */
@ExtendWith(StackExtension.class)
class AppointmentJourneyIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Test
    void aPatientBooksReschedulesAndCancelsAVisitTheDoctorSeesInTheirSchedule() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doctorId = Realm.createUser("dr-" + suffix + "@journey.test", PASSWORD, "Dora Schedule", "doctor");
        String patientId = Realm.createUser("pat-" + suffix + "@journey.test", PASSWORD, "Pat Booker", "patient");
        String doctor = Realm.token("dr-" + suffix + "@journey.test", PASSWORD);
        String patient = Realm.token("pat-" + suffix + "@journey.test", PASSWORD);

        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        as(doctor).body("""
                        {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                         "horizonDays":30,"cancellationCutoffHours":24,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":20}]}""".formatted(everyDay))
                .put(appointments("/api/v1/doctors/" + doctorId + "/availability"))
                .then().statusCode(200);

        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        List<String> slots = as(patient).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(1)).toString())
                .get(appointments("/api/v1/doctors/" + doctorId + "/slots"))
                .then().statusCode(200).extract().jsonPath().getList("slots.start", String.class);
        assertThat(slots).hasSize(32);

        try (Events.EventWatcher events = Events.watch("consulta.appointments")) {
            String id = as(patient).header("Idempotency-Key", "journey-" + suffix)
                    .body(Map.of("doctorId", doctorId, "start", slots.get(6), "visitType", "IN_PERSON",
                            "reason", "Knee pain"))
                    .post(appointments("/api/v1/appointments"))
                    .then().statusCode(201).body("status", equalTo("booked")).extract().path("id");

            as(patient).get(appointments("/api/v1/appointments")).then().statusCode(200).body("items.id", hasItem(id));
            as(doctor).get(appointments("/api/v1/appointments")).then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.patientId", equalTo(patientId))
                    .body("items.find { it.id == '" + id + "' }.reason", equalTo("Knee pain"));
            as(patient).queryParam("from", from.toString()).queryParam("to", from.plus(Duration.ofDays(1)).toString())
                    .get(appointments("/api/v1/doctors/" + doctorId + "/slots"))
                    .then().body("slots.start", not(hasItem(slots.get(6))));

            as(patient).body(Map.of("start", slots.get(10)))
                    .post(appointments("/api/v1/appointments/" + id + "/reschedule"))
                    .then().statusCode(200).body("start", equalTo(slots.get(10)));

            Calendar feed = new CalendarBuilder().build(new StringReader(as(patient)
                    .get(appointments("/api/v1/appointments/calendar.ics")).then().statusCode(200).extract().asString()));
            assertThat(feed.<VEvent>getComponents("VEVENT"))
                    .extracting(event -> event.getUid().orElseThrow().getValue()).containsExactly(id + "@consulta");

            as(patient).body(Map.of("reason", "Better now"))
                    .post(appointments("/api/v1/appointments/" + id + "/cancel"))
                    .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelledBy", equalTo("patient"));

            JsonNode booked = events.awaitType("appointment.booked", id, EVENT_WAIT);
            assertThat(booked.path("data").path("doctorId").asText()).isEqualTo(doctorId);
            assertThat(booked.path("data").path("patientId").asText()).isEqualTo(patientId);
            JsonNode moved = events.awaitType("appointment.rescheduled", id, EVENT_WAIT);
            assertThat(moved.path("data").path("start").asText()).isEqualTo(slots.get(10));
            events.awaitType("appointment.cancelled", id, EVENT_WAIT);
        }
    }
}
