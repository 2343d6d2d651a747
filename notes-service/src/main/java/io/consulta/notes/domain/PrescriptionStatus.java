package io.consulta.notes.domain;

import io.consulta.common.domain.WireNames;

import java.util.Optional;
import java.util.Set;

/**
 * FHIR MedicationRequest statuses a prescription goes through. Only an active prescription changes: it is completed
 * (dispensed), cancelled by its doctor, or withdrawn as entered in error; the three others are final.
 */
public enum PrescriptionStatus {
    ACTIVE,
    COMPLETED,
    CANCELLED,
    ENTERED_IN_ERROR;

    public String wire() {
        return WireNames.of(this);
    }

    public boolean canBecome(PrescriptionStatus next) {
        return this == ACTIVE && Set.of(COMPLETED, CANCELLED, ENTERED_IN_ERROR).contains(next);
    }

    public static Optional<PrescriptionStatus> parse(String raw) {
        return WireNames.parse(PrescriptionStatus.class, raw);
    }
}
