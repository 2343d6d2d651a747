package io.consulta.media.service;

import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.events.Outbox;
import io.consulta.media.domain.MediaAccess;
import io.consulta.media.store.MediaRecord;
import io.consulta.media.store.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Clock;

/**
 * Deleting is a soft delete by the uploader: the item disappears for everyone at once (media.deleted tells chat and
 * notes), and {@code MediaSweeper} removes its bytes after the configured time.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MediaDeletions {

    private final MediaReads reads;
    private final MediaStore store;
    private final Outbox outbox;
    private final Clock clock;

    public void delete(String viewerId, String mediaId) {
        MediaRecord record = reads.visible(viewerId, mediaId);
        if (!MediaAccess.canDelete(viewerId, record.uploadedBy())) {
            throw new ForbiddenException("Only the person who uploaded this file can delete it");
        }
        boolean deleted = store.markDeleted(mediaId, viewerId, clock.instant(), outbox.event(MediaEvents.TOPIC,
                MediaEvents.DELETED, mediaId, new MediaEvents.Deleted(mediaId, record.patientId(), viewerId)));
        if (!deleted) {
            throw new NotFoundException("Media", mediaId);
        }
        outbox.flush(mediaId);
    }
}
