package io.consulta.common.contracts;

import java.util.List;

/**
 * What media-service tells the others on {@value Topics#MEDIA}: ids and metadata, never the bytes. chat-service and
 * notes-service keep a projection of these to accept only media ids that exist and that the sender may use. The
 * schemas are {@code events/<type>.schema.json}.
 */
public final class MediaEvents {

    public static final String TOPIC = Topics.MEDIA;
    public static final String UPLOADED = "media.uploaded";
    public static final String DELETED = "media.deleted";

    public static final List<String> TYPES = List.of(UPLOADED, DELETED);

    private MediaEvents() {
    }

    /** {@code purpose}: symptom-photo, chat-attachment, note-attachment or profile-photo. */
    public record Uploaded(String mediaId, String patientId, String uploadedBy, String purpose, String contentType) {
    }

    public record Deleted(String mediaId, String patientId, String deletedBy) {
    }
}
