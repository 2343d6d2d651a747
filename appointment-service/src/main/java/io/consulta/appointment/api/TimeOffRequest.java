package io.consulta.appointment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

public record TimeOffRequest(@NotNull Instant start, @NotNull Instant end, @Size(max = 500) String reason) {
}
