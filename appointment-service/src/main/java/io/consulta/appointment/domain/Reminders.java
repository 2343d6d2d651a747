package io.consulta.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Patients are reminded 24 hours and 1 hour before a visit. A reminder whose time passed while nobody could send it
 * is dropped when a later one is also due, so a patient never gets a stale "tomorrow" an hour before the visit.
 */
public final class Reminders {

    public record Reminder(String kind, Instant at) {
    }

    private static final List<Duration> BEFORE_VISIT = List.of(Duration.ofHours(24), Duration.ofHours(1));

    private Reminders() {
    }

    /** The next reminder still to come after {@code now}, if any. */
    public static Optional<Reminder> nextAfter(Instant visitStart, Instant now) {
        return all(visitStart).stream().filter(reminder -> reminder.at().isAfter(now)).findFirst();
    }

    /** The reminder to send at {@code now}: the latest one that is due, while the visit is still ahead. */
    public static Optional<Reminder> dueAt(Instant visitStart, Instant now) {
        if (!now.isBefore(visitStart)) {
            return Optional.empty();
        }
        return all(visitStart).stream().filter(reminder -> !reminder.at().isAfter(now)).reduce((first, later) -> later);
    }

    private static List<Reminder> all(Instant visitStart) {
        return BEFORE_VISIT.stream().map(lead -> new Reminder(lead.toHours() + "h", visitStart.minus(lead))).toList();
    }
}
