package io.consulta.chat.domain;

/**
 * Who may open a conversation with whom. A patient opens one with a doctor they have a (non-cancelled) appointment
 * with; a doctor opens one with a patient they care for. Admins run accounts and never read clinical conversations.
 */
public final class OpeningRules {

    private OpeningRules() {
    }

    public enum Decision {
        /** The caller acts as the patient of the new conversation. */
        AS_PATIENT,
        /** The caller acts as the doctor of the new conversation. */
        AS_DOCTOR,
        /** The caller is not a patient or doctor, or names the wrong kind of counterpart. */
        WRONG_ROLE,
        /** Caller and counterpart are the same person. */
        SELF,
        /** No care relationship between the two. */
        NO_CARE_RELATIONSHIP
    }

    /**
     * @param doctorId  the doctor named in the request (a patient's request)
     * @param patientId the patient named in the request (a doctor's request)
     */
    public static Decision decide(String callerId, boolean isPatient, boolean isDoctor, String doctorId,
                                  String patientId, boolean careRelationship) {
        boolean asPatient = isPatient && doctorId != null && patientId == null;
        boolean asDoctor = isDoctor && patientId != null && doctorId == null;
        if (!asPatient && !asDoctor) {
            return Decision.WRONG_ROLE;
        }
        String counterpart = asPatient ? doctorId : patientId;
        if (callerId.equals(counterpart)) {
            return Decision.SELF;
        }
        if (!careRelationship) {
            return Decision.NO_CARE_RELATIONSHIP;
        }
        return asPatient ? Decision.AS_PATIENT : Decision.AS_DOCTOR;
    }
}
