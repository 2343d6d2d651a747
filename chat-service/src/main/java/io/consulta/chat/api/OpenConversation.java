package io.consulta.chat.api;

import jakarta.validation.constraints.Size;

/** A patient names the doctor, a doctor names the patient. */
public record OpenConversation(@Size(min = 1, max = 64) String doctorId, @Size(min = 1, max = 64) String patientId) {
}
