package io.consulta.appointment.service;

import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.booked;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ReminderJobTest {

    @Inject
    ReminderJob reminders;

    @Test
    void reminds_a_day_and_an_hour_before_and_never_twice() {
        String patientId = newId("pat");
        Instant visit = at(5, "09:00");
        String id = booked(patientId, doctorWithHours(), visit);

        reminders.sendDue(visit.minus(Duration.ofHours(24)));
        reminders.sendDue(visit.minus(Duration.ofHours(24)).plusSeconds(30));
        reminders.sendDue(visit.minus(Duration.ofMinutes(59)));
        reminders.sendDue(visit.minus(Duration.ofMinutes(30)));

        var sent = EventBus.awaitAll("consulta.appointments", e -> e.path("type").asText().equals("appointment.reminder-due")
                && e.path("subject").asText().equals(id), 2, Duration.ofSeconds(30));
        sent.forEach(EventContracts::assertValidEvent);
        assertThat(sent).extracting(e -> e.path("data").path("reminder").asText()).containsExactly("24h", "1h");
        assertThat(sent.getFirst().path("data").path("patientId").asText()).isEqualTo(patientId);
        assertThat(reminders.sendDue(visit.minus(Duration.ofMinutes(10)))).isZero();
    }

    @Test
    void a_cancelled_visit_is_not_reminded_and_a_late_job_sends_only_the_latest_reminder() {
        String patientId = newId("pat");
        String doctorId = doctorWithHours();
        Instant visit = at(6, "09:00");
        String cancelled = booked(patientId, doctorId, visit);
        String late = booked(newId("pat"), doctorId, at(6, "10:00"));
        asPatient(patientId).body(Map.of()).post("/api/v1/appointments/{id}/cancel", cancelled).then().statusCode(200);

        reminders.sendDue(at(6, "09:30"));

        var sent = EventBus.awaitAll("consulta.appointments", e -> e.path("type").asText().equals("appointment.reminder-due")
                && (e.path("subject").asText().equals(late) || e.path("subject").asText().equals(cancelled)),
                1, Duration.ofSeconds(30));
        assertThat(sent.getFirst().path("subject").asText()).isEqualTo(late);
        assertThat(sent.getFirst().path("data").path("reminder").asText()).isEqualTo("1h");
        assertThat(reminders.sendDue(at(6, "09:40"))).isZero();
    }
}
