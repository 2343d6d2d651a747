package io.consulta.appointment.api;

import io.consulta.appointment.domain.VisitType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record NewAppointment(@NotBlank String doctorId,
                             @Schema(examples = "2026-12-01T09:00:00Z") @NotNull Instant start,
                             @NotNull VisitType visitType,
                             @Size(max = 1000) String reason,
                             @Schema(description = "A hold taken for this slot, to convert into the booking") String holdId) {
}
