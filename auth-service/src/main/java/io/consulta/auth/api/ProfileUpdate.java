package io.consulta.auth.api;

import io.consulta.auth.domain.ProfileChange;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A full replacement of the editable profile fields (PUT). {@code version} is the version read; it may instead be
 * sent as {@code If-Match}. Role, status, e-mail and licence are not editable here.
 */
public record ProfileUpdate(
        @NotBlank @Size(min = 2, max = 120) String name,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone,
        @Size(max = 64) String photoMediaId,
        @Past LocalDate dateOfBirth,
        @Size(min = 2, max = 80) String specialty,
        @Size(max = 2000) String bio,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> languages,
        @Size(max = 300) String clinicAddress,
        @DecimalMin("0.00") BigDecimal consultationFee,
        Long version) {

    public ProfileChange toChange() {
        return new ProfileChange(name, phone, photoMediaId, dateOfBirth, specialty, bio, languages, clinicAddress,
                consultationFee);
    }
}
