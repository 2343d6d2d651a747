package io.consulta.chat.domain;

import java.util.List;

/** The two people of a conversation. A conversation always has exactly one patient and one doctor. */
public record Participants(String patientId, String doctorId) {

    public Participants {
        if (patientId == null || doctorId == null || patientId.isBlank() || doctorId.isBlank()) {
            throw new IllegalArgumentException("a conversation needs a patient and a doctor");
        }
        if (patientId.equals(doctorId)) {
            throw new IllegalArgumentException("a patient cannot talk to themselves as their doctor");
        }
    }

    public boolean includes(String userId) {
        return patientId.equals(userId) || doctorId.equals(userId);
    }

    /** The other participant; the caller must be one of the two. */
    public String counterpartOf(String userId) {
        return sideOf(userId) == Side.PATIENT ? doctorId : patientId;
    }

    public Side sideOf(String userId) {
        if (patientId.equals(userId)) {
            return Side.PATIENT;
        }
        if (doctorId.equals(userId)) {
            return Side.DOCTOR;
        }
        throw new IllegalArgumentException(userId + " is not a participant");
    }

    public List<String> both() {
        return List.of(patientId, doctorId);
    }

    /** One conversation per pair: the key a unique index holds. */
    public String pairKey() {
        return doctorId + "|" + patientId;
    }

    public enum Side {
        PATIENT, DOCTOR;

        /** Prefix of this side's per-participant fields in a conversation document (Id, Unread, ReadSeq). */
        public String field(String suffix) {
            return (this == PATIENT ? "patient" : "doctor") + suffix;
        }

        public Side other() {
            return this == PATIENT ? DOCTOR : PATIENT;
        }
    }
}
