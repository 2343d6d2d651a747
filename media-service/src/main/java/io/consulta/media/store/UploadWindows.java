package io.consulta.media.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * Upload counters per user and fixed time window, in MongoDB so that every replica counts against the same limit.
 * One atomic increment per upload, which is nothing next to storing the upload itself.
 */
@ApplicationScoped
public class UploadWindows {

    private final MongoCollection<Document> windows;

    public UploadWindows(ServiceDatabase database) {
        this.windows = database.collection("upload_windows");
    }

    /** Counts one more upload by {@code userId} in the window starting at {@code windowStart}; returns the count. */
    public long increment(String userId, Instant windowStart, Instant windowEnd) {
        Document window = windows.findOneAndUpdate(Filters.eq("_id", userId + "|" + windowStart.getEpochSecond()),
                Updates.combine(Updates.inc("count", 1), Updates.setOnInsert("userId", userId),
                        Updates.setOnInsert("endsAt", Date.from(windowEnd))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return window.get("count", Number.class).longValue();
    }

    /** Drops windows that ended (no TTL index: see design §2). */
    public void dropEndedBefore(Instant cutoff) {
        windows.deleteMany(Filters.lt("endsAt", Date.from(cutoff)));
    }
}
