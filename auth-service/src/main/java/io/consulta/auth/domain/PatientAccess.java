package io.consulta.auth.domain;

/**
 * Who may read a patient's profile: the patient, a doctor caring for them (an appointment that is not cancelled,
 * or a conversation the patient started), and admins — who see account state only, never clinical content.
 */
public final class PatientAccess {

    public enum Level { FULL, ACCOUNT_STATE, NONE }

    private PatientAccess() {
    }

    public static Level of(String callerId, boolean callerIsDoctor, boolean callerIsAdmin, String patientId,
                           boolean careRelationship) {
        if (callerId.equals(patientId)) {
            return Level.FULL;
        }
        if (callerIsDoctor && careRelationship) {
            return Level.FULL;
        }
        if (callerIsAdmin) {
            return Level.ACCOUNT_STATE;
        }
        return Level.NONE;
    }
}
