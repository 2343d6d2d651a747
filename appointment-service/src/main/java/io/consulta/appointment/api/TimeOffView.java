package io.consulta.appointment.api;

import io.consulta.appointment.service.TimeOffs;

import java.time.Instant;
import java.util.List;

/** Time off; {@code overlappingAppointments} lists visits still booked in it, for the doctor to move or cancel. */
public record TimeOffView(String id, Instant start, Instant end, String reason, List<String> overlappingAppointments) {

    static TimeOffView of(TimeOffs.Stretch stretch) {
        var timeOff = stretch.timeOff();
        return new TimeOffView(timeOff.id, timeOff.start, timeOff.end, timeOff.reason, stretch.bookedWithin());
    }
}
