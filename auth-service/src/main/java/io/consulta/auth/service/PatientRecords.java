package io.consulta.auth.service;

import io.consulta.auth.domain.PatientAccess;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.identity.Caller;
import io.consulta.common.identity.Role;
import io.consulta.common.store.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/**
 * Reading a patient's profile: who may see how much ({@link PatientAccess}), and an audit entry whenever someone
 * other than the patient reads it. What the caller may not see does not exist for them (404).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PatientRecords {

    public record Read(Profile patient, PatientAccess.Level level) {
    }

    private final ProfileRepository profiles;
    private final CareRelationships relationships;
    private final AuditLog audit;

    public Read read(Caller caller, String patientId) {
        Profile patient = profiles.findByIdOptional(patientId).filter(p -> Role.PATIENT.equals(p.role))
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
        boolean doctor = caller.isDoctor();
        PatientAccess.Level level = PatientAccess.of(caller.id(), doctor, caller.isAdmin(), patientId,
                doctor && relationships.exists(caller.id(), patientId));
        if (level == PatientAccess.Level.NONE) {
            throw new NotFoundException("Patient", patientId);
        }
        if (level == PatientAccess.Level.FULL && !caller.id().equals(patientId)) {
            audit.record(caller.id(), "read patient profile", patientId);
        }
        return new Read(patient, level);
    }
}
