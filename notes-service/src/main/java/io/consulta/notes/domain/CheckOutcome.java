package io.consulta.notes.domain;

import io.consulta.common.domain.WireNames;

import java.time.LocalDate;

/**
 * What the public check tells a pharmacist: an active prescription is valid until the end of its last valid day and
 * expired after it; a cancelled one (or one withdrawn as entered in error) is cancelled; a dispensed one completed.
 */
public enum CheckOutcome {
    VALID, EXPIRED, CANCELLED, COMPLETED;

    public String wire() {
        return WireNames.of(this);
    }

    public static CheckOutcome of(PrescriptionStatus status, LocalDate validUntil, LocalDate today) {
        return switch (status) {
            case ACTIVE -> today.isAfter(validUntil) ? EXPIRED : VALID;
            case COMPLETED -> COMPLETED;
            case CANCELLED, ENTERED_IN_ERROR -> CANCELLED;
        };
    }
}
