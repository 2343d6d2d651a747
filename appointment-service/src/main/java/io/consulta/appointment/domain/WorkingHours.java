package io.consulta.appointment.domain;

import java.time.LocalTime;

/**
 * One stretch of a working day in the doctor's local time. An end at or before the start runs past midnight into the
 * next day (a night shift 22:00–02:00), so hours never need to be split at midnight by the doctor.
 */
public record WorkingHours(LocalTime start, LocalTime end) {

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
