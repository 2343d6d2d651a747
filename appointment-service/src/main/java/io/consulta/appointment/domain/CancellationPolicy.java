package io.consulta.appointment.domain;

import java.time.Duration;
import java.time.Instant;

/** A doctor may cancel at any time; a patient until the doctor's cut-off before the visit. */
public final class CancellationPolicy {

    private CancellationPolicy() {
    }

    public static boolean patientMayChange(Instant visitStart, Duration cutoff, Instant now) {
        return now.isBefore(visitStart.minus(cutoff));
    }
}
