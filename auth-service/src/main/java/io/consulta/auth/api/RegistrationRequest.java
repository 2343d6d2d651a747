package io.consulta.auth.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Sign-up of a patient or a doctor; which fields are required depends on the role (checked in SignUpRules). */
public record RegistrationRequest(
        @NotNull @Pattern(regexp = "patient|doctor", message = "must be patient or doctor") String role,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull String password,
        @NotBlank @Size(min = 2, max = 120) String name,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone,
        @Past LocalDate dateOfBirth,
        @Size(min = 2, max = 80) String specialty,
        @Size(min = 3, max = 40) String licenceNumber,
        @Size(max = 2000) String bio,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> languages,
        @Size(max = 300) String clinicAddress,
        @DecimalMin("0.00") BigDecimal consultationFee) {
}
