package io.consulta.appointment.api;

import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.store.Appointment;

import java.time.Instant;

public record HoldView(String id, String doctorId, Instant start, Instant end, VisitType visitType, Instant expiresAt) {

    static HoldView of(Appointment hold) {
        return new HoldView(hold.id, hold.doctorId, hold.start, hold.end, hold.visitType, hold.holdExpiresAt);
    }
}
