package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** Which slot the demo visit takes and whether the demo visit already exists: pure rules over the APIs' JSON. */
final class DemoBooking {

    /** Long enough to reach the next weekday after any weekend or a few holidays. */
    static final int SEARCH_DAYS = 10;
    private static final Set<String> ON_THE_CALENDAR = Set.of("booked", "arrived");

    record Window(Instant from, Instant to) {
    }

    private DemoBooking() {
    }

    /** From the start of tomorrow on the clinic's clock, {@link #SEARCH_DAYS} days on. */
    static Window searchWindow(Instant now, ZoneId zone) {
        LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
        return new Window(tomorrow.atStartOfDay(zone).toInstant(),
                tomorrow.plusDays(SEARCH_DAYS).atStartOfDay(zone).toInstant());
    }

    /** The first slot of a SlotsView that falls on a weekday on the doctor's clock; its {@code start} instant. */
    static Optional<String> firstWeekdaySlot(JsonNode slotsView) {
        for (JsonNode slot : slotsView.path("slots")) {
            try {
                DayOfWeek day = OffsetDateTime.parse(slot.path("localStart").asText()).getDayOfWeek();
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    return Optional.of(slot.path("start").asText());
                }
            } catch (DateTimeParseException unreadable) {
                // a slot without a readable local start cannot be placed on a weekday; try the next one
            }
        }
        return Optional.empty();
    }

    /** A visit of the patient with this doctor that is still on the calendar and not over yet. */
    static Optional<JsonNode> upcomingVisitWith(Iterable<JsonNode> visits, String doctorId, Instant now) {
        for (JsonNode visit : visits) {
            if (doctorId.equals(visit.path("doctorId").asText())
                    && ON_THE_CALENDAR.contains(visit.path("status").asText())
                    && endsAfter(visit, now)) {
                return Optional.of(visit);
            }
        }
        return Optional.empty();
    }

    private static boolean endsAfter(JsonNode visit, Instant now) {
        try {
            return Instant.parse(visit.path("end").asText()).isAfter(now);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }
}
