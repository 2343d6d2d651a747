package io.consulta.notes.api;

import io.consulta.notes.domain.PrescriptionItem;
import io.consulta.notes.domain.VerificationCode;
import io.consulta.notes.store.StoredPrescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A prescription as its patient and their doctors see it, FHIR MedicationRequest in shape. */
public record PrescriptionView(String id, String patientId, String doctorId, String doctorName, String status,
                               String statusReason, List<PrescriptionItem> items, LocalDate validUntil, String note,
                               Instant issuedAt, Instant statusChangedAt, String verificationCode) {

    static PrescriptionView of(StoredPrescription p) {
        return new PrescriptionView(p.id(), p.patientId(), p.doctorId(), p.doctor().name(), p.status().wire(),
                p.statusReason(), p.items(), p.validUntil(), p.note(), p.issuedAt(), p.statusChangedAt(),
                new VerificationCode(p.code()).display());
    }
}
