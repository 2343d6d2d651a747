package io.consulta.chat.domain;

/**
 * What chat knows of an uploaded file, from media-service's events: whom it is about, and whether it was deleted.
 * Enough to decide whether a message may carry its id.
 */
public record MediaRef(String mediaId, String patientId, String uploadedBy, boolean deleted) {

    /**
     * A file about the conversation's patient that still exists. Both participants may already open it (the patient
     * always, the doctor while caring for them), so attaching it shows it to nobody new; a file about anyone else
     * would.
     */
    public boolean attachableIn(Participants participants) {
        return !deleted && participants.patientId().equals(patientId);
    }
}
