package io.consulta.appointment.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A bookable visit: its time in UTC and, for display, on the doctor's wall clock. */
public record Slot(Instant start, Instant end, OffsetDateTime localStart) {
}
