package io.consulta.notes.domain;

import java.time.LocalDate;

/**
 * What the public check tells a pharmacist: an active prescription is valid until the end of its last valid day and
 * expired after it; a cancelled one (or one withdrawn as entered in error) is cancelled; a dispensed one completed.
 */
public enum CheckOutcome {
    VALID("valid"), EXPIRED("expired"), CANCELLED("cancelled"), COMPLETED("completed");

    private final String wire;

    CheckOutcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static CheckOutcome of(PrescriptionStatus status, LocalDate validUntil, LocalDate today) {
        return switch (status) {
            case ACTIVE -> today.isAfter(validUntil) ? EXPIRED : VALID;
            case COMPLETED -> COMPLETED;
            case CANCELLED, ENTERED_IN_ERROR -> CANCELLED;
        };
    }
}
