package io.consulta.media.events;

import io.consulta.media.service.MediaSettings;
import io.consulta.media.store.BlobStore;
import io.consulta.media.store.MediaRecord;
import io.consulta.media.store.MediaStore;
import io.consulta.media.store.UploadWindows;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Removes the bytes (original and thumbnail) of media deleted longer ago than consulta.media.deletion.keep-bytes-for,
 * and upload counters of windows that ended. Safe on several replicas at once: deleting bytes twice is harmless.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MediaSweeper {

    private static final Logger LOG = Logger.getLogger(MediaSweeper.class);
    private static final int BATCH = 100;

    private final MediaStore store;
    private final BlobStore blobs;
    private final UploadWindows windows;
    private final MediaSettings settings;
    private final Clock clock;

    @Scheduled(every = "${consulta.media.deletion.sweep-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepAt(clock.instant());
    }

    /** Sweeps as of {@code now}; returns how many media items had their bytes removed. */
    public int sweepAt(Instant now) {
        windows.dropEndedBefore(now);
        Instant cutoff = now.minus(settings.deletion().keepBytesFor());
        int purged = 0;
        List<MediaRecord> batch;
        do {
            batch = store.deletedBefore(cutoff, BATCH);
            for (MediaRecord record : batch) {
                blobs.delete(record.blobId());
                if (record.thumbnail() != null) {
                    blobs.delete(record.thumbnail().blobId());
                }
                store.markPurged(record.id(), now);
                purged++;
            }
        } while (batch.size() == BATCH);
        if (purged > 0) {
            LOG.infof("Removed the bytes of %d media deleted before %s", purged, cutoff);
        }
        return purged;
    }
}
