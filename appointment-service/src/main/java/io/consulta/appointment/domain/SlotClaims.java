package io.consulta.appointment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys a visit or hold claims in the unique index that makes double-booking impossible: one per five-minute cell
 * of the doctor's occupancy (visit plus buffers) and one per cell of the patient's visit. Two visits that would
 * overlap for the doctor, or for the patient, share a key, so the database refuses the second write whatever the
 * timing. A freed visit keeps a single key of its own, because a unique index also counts an empty list as a value.
 */
public final class SlotClaims {

    static final long CELL_SECONDS = 300;

    private SlotClaims() {
    }

    public static List<String> of(String doctorId, TimeRange doctorOccupancy, String patientId, TimeRange visit) {
        List<String> claims = new ArrayList<>();
        cells(doctorOccupancy, cell -> claims.add("doctor:" + doctorId + ":" + cell));
        cells(visit, cell -> claims.add("patient:" + patientId + ":" + cell));
        return claims;
    }

    public static List<String> released(String appointmentId) {
        return List.of("released:" + appointmentId);
    }

    private static void cells(TimeRange range, java.util.function.LongConsumer each) {
        long first = Math.floorDiv(range.start().getEpochSecond(), CELL_SECONDS);
        long end = Math.ceilDiv(range.end().getEpochSecond(), CELL_SECONDS);
        for (long cell = first; cell < end; cell++) {
            each.accept(cell);
        }
    }
}
