package io.consulta.localstack.demo;

import io.consulta.localstack.DemoUsers;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The few lines printed after a demo load: what is there, how to try it, or which step failed and why. */
public final class DemoReport {

    private static final DateTimeFormatter VISIT_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private DemoReport() {
    }

    public static List<String> lines(DemoOutcome outcome, Endpoints endpoints, Instant now) {
        List<String> lines = new ArrayList<>();
        if (!outcome.succeeded()) {
            lines.add("✗ Demo data not loaded: step \"" + outcome.failure().step() + "\" failed: "
                    + outcome.failure().reason());
            if (!outcome.changes().isEmpty()) {
                lines.add("  done before it: " + String.join(", ", outcome.changes()));
            }
            lines.add("  The stack keeps running; run ./consulta start --demo-data again once the cause is fixed.");
            return lines;
        }
        lines.add(outcome.changes().isEmpty() ? "✓ Demo data already in place (nothing to change)."
                : "✓ Demo data loaded (" + outcome.changes().size() + " writes: " + String.join(", ", outcome.changes()) + ").");
        lines.add("  doctors   " + describe(DemoPlan.HOUSE) + "; " + describe(DemoPlan.QUINN));
        lines.add("  hours     Mon–Fri 09:00–12:30 and 14:00–18:00 (" + DemoPlan.CLINIC_ZONE
                + "), a slot every 30 min, in person or video, booked 2 h to 60 days ahead");
        lines.add("  patients  " + DemoUsers.PATIENT_ALICE.name() + " and " + DemoUsers.PATIENT_BOB.name()
                + " (phone, date of birth)");
        lines.add("  visit     " + DemoUsers.PATIENT_ALICE.name() + " with " + DemoUsers.DOCTOR_HOUSE.name() + " on "
                + visitTime(outcome.visit().path("start").asText()) + " (" + DemoPlan.CLINIC_ZONE + "), in person");
        lines.add("  try it    " + login(DemoUsers.PATIENT_ALICE) + " (patient with the visit), "
                + login(DemoUsers.DOCTOR_HOUSE) + " (his schedule), " + login(DemoUsers.ADMIN) + " (admin)");
        lines.add("  slots     TOKEN=$(curl -s -d grant_type=password -d client_id=" + Endpoints.WEB_CLIENT
                + " -d username=" + DemoUsers.PATIENT_ALICE.username() + " -d 'password="
                + DemoUsers.PATIENT_ALICE.password() + "' " + endpoints.tokenUrl() + " | jq -r .access_token)");
        lines.add("            curl -s -H \"Authorization: Bearer $TOKEN\" \"" + endpoints.appointmentService()
                + "/api/v1/doctors/" + outcome.houseId() + "/slots?to=" + now.plus(7, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS) + "\"");
        return lines;
    }

    private static String describe(DemoPlan.Person doctor) {
        return doctor.user().name() + " (" + doctor.profile().path("specialty").asText() + ")";
    }

    private static String login(DemoUsers.DemoUser user) {
        return user.username() + " / " + user.password();
    }

    private static String visitTime(String start) {
        try {
            return VISIT_TIME.format(Instant.parse(start).atZone(DemoPlan.CLINIC_ZONE));
        } catch (DateTimeParseException unreadable) {
            return start;
        }
    }
}
