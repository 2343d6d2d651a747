package io.consulta.media.store;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * One uploaded file as stored: who it is about and who uploaded it, the stored bytes (original and thumbnail), and
 * when it was deleted and when its bytes were removed.
 */
public record MediaRecord(String id, String patientId, String uploadedBy, String purpose, String contentType,
                          long size, String sha256, Integer width, Integer height, String blobId,
                          Rendition thumbnail, Instant createdAt, Instant deletedAt, String deletedBy) {

    /** A stored derivative, such as the thumbnail. */
    public record Rendition(String blobId, String contentType, long size, String sha256) {

        Document toDocument() {
            return new Document("blobId", blobId).append("contentType", contentType).append("size", size)
                    .append("sha256", sha256);
        }

        static Rendition from(Document document) {
            return document == null ? null : new Rendition(document.getString("blobId"),
                    document.getString("contentType"), document.get("size", Number.class).longValue(),
                    document.getString("sha256"));
        }
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    Document toDocument() {
        Document document = new Document("_id", id).append("patientId", patientId).append("uploadedBy", uploadedBy)
                .append("purpose", purpose).append("contentType", contentType).append("size", size)
                .append("sha256", sha256).append("width", width).append("height", height).append("blobId", blobId)
                .append("createdAt", Date.from(createdAt));
        if (thumbnail != null) {
            document.append("thumbnail", thumbnail.toDocument());
        }
        return document;
    }

    static MediaRecord from(Document d) {
        return new MediaRecord(d.getString("_id"), d.getString("patientId"), d.getString("uploadedBy"),
                d.getString("purpose"), d.getString("contentType"), d.get("size", Number.class).longValue(),
                d.getString("sha256"), d.getInteger("width"), d.getInteger("height"), d.getString("blobId"),
                Rendition.from(d.get("thumbnail", Document.class)), d.getDate("createdAt").toInstant(),
                d.getDate("deletedAt") == null ? null : d.getDate("deletedAt").toInstant(), d.getString("deletedBy"));
    }
}
