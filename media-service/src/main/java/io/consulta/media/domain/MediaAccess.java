package io.consulta.media.domain;

/**
 * Who may see a media item: its uploader, the patient it is about, and doctors caring for that patient. Everyone
 * else, admins included (they manage accounts, not clinical content), is told it does not exist.
 */
public final class MediaAccess {

    private MediaAccess() {
    }

    /** {@code caresForPatient}: the viewer is a doctor with an appointment with the patient that is not cancelled. */
    public static boolean canSee(String viewerId, String uploadedBy, String patientId, boolean caresForPatient) {
        return viewerId.equals(uploadedBy) || viewerId.equals(patientId) || caresForPatient;
    }

    /** Deleting is the uploader's alone. */
    public static boolean canDelete(String viewerId, String uploadedBy) {
        return viewerId.equals(uploadedBy);
    }
}
