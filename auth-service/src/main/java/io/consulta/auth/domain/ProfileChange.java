package io.consulta.auth.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A full replacement of the fields a user edits on their own profile. Doctors edit the practice fields, patients
 * their date of birth; what does not apply to the role is ignored. Role, status, e-mail and licence are not here.
 */
public record ProfileChange(String name, String phone, String photoMediaId, LocalDate dateOfBirth, String specialty,
                            String bio, List<String> languages, String clinicAddress, BigDecimal consultationFee) {

    /** The change as stored: names trimmed, languages in their searchable form and without repeats. */
    public ProfileChange normalized() {
        return new ProfileChange(name.trim(), phone, photoMediaId, dateOfBirth,
                specialty == null ? null : specialty.trim(), bio,
                languages == null ? List.of() : languages.stream().map(Names::searchable).distinct().toList(),
                clinicAddress, consultationFee);
    }
}
