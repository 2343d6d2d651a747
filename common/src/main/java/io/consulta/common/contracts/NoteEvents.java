package io.consulta.common.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What notes-service tells the others on {@value Topics#NOTES}: ids and metadata only, never clinical text (titles,
 * bodies, medications stay in notes-service, where every read is audited).
 */
public final class NoteEvents {

    public static final String TOPIC = Topics.NOTES;
    /** A note the patient and their doctors can read was written. */
    public static final String NOTE_SHARED = "note.shared";
    /** A note's author changed its text; its readers are the same as before. */
    public static final String NOTE_UPDATED = "note.updated";
    public static final String PRESCRIPTION_ISSUED = "prescription.issued";
    /** Cancelled by the issuing doctor, or withdrawn as entered in error ({@code status} says which). */
    public static final String PRESCRIPTION_CANCELLED = "prescription.cancelled";

    public static final List<String> TYPES = List.of(NOTE_SHARED, NOTE_UPDATED, PRESCRIPTION_ISSUED,
            PRESCRIPTION_CANCELLED);

    private NoteEvents() {
    }

    /**
     * {@code doctorId} is the doctor the note concerns: its author when a doctor wrote it, or the doctor whose note a
     * patient's reply answers; absent for a patient's own new note (every doctor of the patient may read it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoteShared(String noteId, String patientId, String authorId, String doctorId, String inReplyTo) {
    }

    public record NoteUpdated(String noteId, String patientId, String authorId, long version) {
    }

    public record PrescriptionIssued(String prescriptionId, String patientId, String doctorId) {
    }

    public record PrescriptionCancelled(String prescriptionId, String patientId, String doctorId, String status) {
    }
}
