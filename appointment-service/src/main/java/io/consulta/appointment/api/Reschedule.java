package io.consulta.appointment.api;

import io.consulta.appointment.domain.VisitType;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

public record Reschedule(@NotNull Instant start, VisitType visitType) {
}
