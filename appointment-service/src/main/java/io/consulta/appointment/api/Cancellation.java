package io.consulta.appointment.api;

import jakarta.validation.constraints.Size;

public record Cancellation(@Size(max = 500) String reason) {
}
