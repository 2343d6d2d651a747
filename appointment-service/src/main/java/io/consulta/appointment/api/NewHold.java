package io.consulta.appointment.api;

import io.consulta.appointment.domain.VisitType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

public record NewHold(@NotBlank String doctorId, @NotNull Instant start, @NotNull VisitType visitType) {
}
