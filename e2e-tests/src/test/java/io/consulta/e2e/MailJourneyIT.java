package io.consulta.e2e;

import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.Inbox;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 8 (the inbox): Keycloak (realm smtpServer, verify-e-mail action) and chat-service's mailer send real
 * SMTP to the local stack's inbox, where tests (and people, at the URL printed on start) read them.
 */
@ExtendWith(StackExtension.class)
class MailJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void keycloakSendsItsVerifyEmailMailToTheInbox() {
        String email = "verify-" + UUID.randomUUID() + "@consulta.local";
        String userId = Realm.createUnverifiedUser(email, "Unverified-Pass-2026!", "Vera Verify");

        given().auth().oauth2(Realm.adminApi())
                .when().put(Realm.BASE + "/admin/realms/" + Keycloak.REALM + "/users/" + userId + "/send-verify-email")
                .then().statusCode(204);

        Map<String, Object> mail = Inbox.await(email, "Verify", WAIT);
        assertThat(mail.get("body").toString()).contains("/realms/" + Keycloak.REALM + "/login-actions/action-token");
        assertThat(mail.get("from").toString()).contains("no-reply@consulta.local");
    }

    @Test
    void chatServiceMailsAReminderToTheInbox() {
        String patient = "mail-patient-" + UUID.randomUUID();
        String doctor = "mail-doctor-" + UUID.randomUUID();
        String email = patient + "@consulta.local";
        Events.publishConsumedBy("chat-service", "consulta.identity", "user.registered", patient, Map.of("userId",
                patient, "role", "patient", "status", "ACTIVE", "name", "Rita Remind", "email", email), WAIT);
        Events.publishConsumedBy("chat-service", "consulta.identity", "doctor.approved", doctor, Map.of("userId",
                doctor, "role", "doctor", "status", "ACTIVE", "name", "Dr Hannah Hart"), WAIT);
        String appointment = "appt-" + UUID.randomUUID();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        Events.publish("consulta.appointments", "appointment.reminder-due", appointment, Map.of(
                "appointmentId", appointment, "doctorId", doctor, "patientId", patient, "start", start.toString(),
                "end", start.plus(30, ChronoUnit.MINUTES).toString(), "status", "booked", "visitType", "VIDEO",
                "reason", "Follow-up", "timeZone", "Europe/Lisbon"));

        Map<String, Object> mail = Inbox.await(email, "Consulta: Appointment reminder", WAIT);
        assertThat(mail.get("body").toString()).contains("Dr Hannah Hart");
    }
}
