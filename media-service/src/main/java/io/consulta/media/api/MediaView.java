package io.consulta.media.api;

import io.consulta.media.store.MediaRecord;

import java.time.Instant;

/** A media item as clients see it: what it is, whose it is, and where its bytes and thumbnail are served. */
public record MediaView(String id, String patientId, String uploadedBy, String purpose, String contentType, long size,
                        String sha256, Integer width, Integer height, Instant createdAt, String contentUrl,
                        String thumbnailUrl) {

    static MediaView of(MediaRecord record) {
        String content = "/api/v1/media/" + record.id();
        return new MediaView(record.id(), record.patientId(), record.uploadedBy(), record.purpose(),
                record.contentType(), record.size(), record.sha256(), record.width(), record.height(),
                record.createdAt(), content, record.thumbnail() == null ? null : content + "/thumbnail");
    }
}
