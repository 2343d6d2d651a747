package io.consulta.chat.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The fields of a consulta.appointments event that notifications need. */
public record AppointmentFacts(String appointmentId, String doctorId, String patientId, Instant start,
                               String timeZone, String visitType, String cancelledBy) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** "Tue 1 Dec 2026, 09:00 (Europe/Berlin)": in the appointment's own time zone, as both people see it. */
    public String when() {
        if (start == null) {
            return "the agreed time";
        }
        ZoneId zone = zone();
        return WHEN.format(ZonedDateTime.ofInstant(start, zone)) + " (" + zone.getId() + ")";
    }

    private ZoneId zone() {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public String visit() {
        if (visitType == null) {
            return "visit";
        }
        return switch (visitType) {
            case "VIDEO" -> "video visit";
            case "IN_PERSON" -> "visit";
            case "PHONE" -> "phone call";
            default -> visitType.toLowerCase(Locale.ROOT).replace('_', ' ') + " visit";
        };
    }
}
