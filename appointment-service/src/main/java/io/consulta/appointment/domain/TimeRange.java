package io.consulta.appointment.domain;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of time [start, end). */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time range must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public TimeRange widen(Duration before, Duration after) {
        return new TimeRange(start.minus(before), end.plus(after));
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
