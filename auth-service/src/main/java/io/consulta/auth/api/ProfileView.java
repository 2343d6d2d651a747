package io.consulta.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consulta.auth.store.Profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A profile as its owner (or a doctor caring for the patient) sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileView(String id, String role, String status, String email, String name, String phone,
                          String photoMediaId, LocalDate dateOfBirth, String specialty, String licenceNumber,
                          String bio, List<String> languages, String clinicAddress, BigDecimal consultationFee,
                          String rejectionReason, Set<String> roles, Instant createdAt, Instant updatedAt,
                          long version) {

    public static ProfileView of(Profile p, Set<String> roles) {
        return new ProfileView(p.id, p.role, p.status.name(), p.email, p.name, p.phone, p.photoMediaId, p.dateOfBirth,
                p.specialty, p.licenceNumber, p.bio, p.isDoctor() ? p.languages : null, p.clinicAddress,
                p.consultationFee, p.rejectionReason, roles, p.createdAt, p.updatedAt, p.version);
    }
}
