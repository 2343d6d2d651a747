package io.consulta.notes.domain;

import java.util.Optional;
import java.util.Set;

/**
 * FHIR MedicationRequest statuses a prescription goes through. Only an active prescription changes: it is completed
 * (dispensed), cancelled by its doctor, or withdrawn as entered in error; the three others are final.
 */
public enum PrescriptionStatus {
    ACTIVE("active"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    ENTERED_IN_ERROR("entered-in-error");

    private final String wire;

    PrescriptionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean canBecome(PrescriptionStatus next) {
        return this == ACTIVE && Set.of(COMPLETED, CANCELLED, ENTERED_IN_ERROR).contains(next);
    }

    public static Optional<PrescriptionStatus> parse(String raw) {
        for (PrescriptionStatus s : values()) {
            if (s.wire.equals(raw)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
