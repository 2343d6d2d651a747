package io.consulta.appointment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may do what with a visit. Only its patient and its doctor know it exists; anyone else is told it does not.
 * The doctor runs the visit; the patient may move or cancel it until the doctor's cut-off; the doctor may do so always.
 */
public final class VisitPermissions {

    public enum Verdict { ALLOWED, HIDDEN, FORBIDDEN, TOO_LATE }

    public record Party(String userId, boolean patient, boolean doctor) {
    }

    private VisitPermissions() {
    }

    public static Verdict see(Party caller, String doctorId, String patientId) {
        return isDoctorOf(caller, doctorId) || isPatientOf(caller, patientId) ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    public static Verdict act(Party caller, VisitAction action, String doctorId, String patientId, Instant visitStart,
                              Duration cancellationCutoff, Instant now) {
        if (see(caller, doctorId, patientId) == Verdict.HIDDEN) {
            return Verdict.HIDDEN;
        }
        if (isDoctorOf(caller, doctorId)) {
            return Verdict.ALLOWED;
        }
        if (action != VisitAction.CANCEL && action != VisitAction.RESCHEDULE) {
            return Verdict.FORBIDDEN;
        }
        return CancellationPolicy.patientMayChange(visitStart, cancellationCutoff, now) ? Verdict.ALLOWED : Verdict.TOO_LATE;
    }

    private static boolean isDoctorOf(Party caller, String doctorId) {
        return caller.doctor() && caller.userId().equals(doctorId);
    }

    private static boolean isPatientOf(Party caller, String patientId) {
        return caller.patient() && caller.userId().equals(patientId);
    }
}
