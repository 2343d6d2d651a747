package io.consulta.notes.domain;

import lombok.RequiredArgsConstructor;

/**
 * Why someone may open a patient's journal and prescriptions at all: it is their own record, or they are a doctor with
 * an appointment with the patient that is not cancelled. Anyone else (other patients, other doctors, admins) sees
 * nothing, and is told the journal does not exist. The reason is what the audit log records as "why".
 */
@RequiredArgsConstructor
public enum JournalAccess {
    OWN_RECORD("own record"),
    CARE_RELATIONSHIP("care relationship"),
    NONE(null);

    private final String why;

    public String why() {
        return why;
    }

    public boolean granted() {
        return this != NONE;
    }

    public static JournalAccess of(String callerId, boolean isPatient, boolean isDoctor, String patientId,
                                   boolean hasCareRelationship) {
        if (callerId == null || patientId == null) {
            return NONE;
        }
        if (isPatient && callerId.equals(patientId)) {
            return OWN_RECORD;
        }
        if (isDoctor && !callerId.equals(patientId) && hasCareRelationship) {
            return CARE_RELATIONSHIP;
        }
        return NONE;
    }
}
