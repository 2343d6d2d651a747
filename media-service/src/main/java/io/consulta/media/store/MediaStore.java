package io.consulta.media.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The media collection: one document per upload, written together with its event (outbox). */
@ApplicationScoped
public class MediaStore {

    public static final String COLLECTION = "media";

    private final MongoCollection<Document> media;

    public MediaStore(ServiceDatabase database) {
        this.media = database.collection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        media.createIndex(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("by_patient"));
        media.createIndex(Indexes.ascending("deletedAt"), new IndexOptions().name("by_deletion").sparse(true));
    }

    public void insert(MediaRecord record, OutboxEntry event) {
        media.insertOne(record.toDocument().append(Outbox.FIELD, List.of(event.toDocument())));
    }

    /** The media item unless it was deleted. */
    public Optional<MediaRecord> find(String id) {
        Document found = media.find(Filters.and(Filters.eq("_id", id), Filters.eq("deletedAt", null))).first();
        return Optional.ofNullable(found).map(MediaRecord::from);
    }

    /**
     * A page of a patient's media, newest first, after {@code after} (the last item of the previous page);
     * {@code uploadedBy} narrows it to one uploader's items.
     */
    public List<MediaRecord> page(String patientId, String purpose, String uploadedBy, Position after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("patientId", patientId), Filters.eq("deletedAt", null)));
        if (purpose != null) {
            filters.add(Filters.eq("purpose", purpose));
        }
        if (uploadedBy != null) {
            filters.add(Filters.eq("uploadedBy", uploadedBy));
        }
        if (after != null) {
            Date at = Date.from(after.createdAt());
            filters.add(Filters.or(Filters.lt("createdAt", at),
                    Filters.and(Filters.eq("createdAt", at), Filters.lt("_id", after.id()))));
        }
        return media.find(Filters.and(filters)).sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .map(MediaRecord::from).into(new ArrayList<>());
    }

    /** Marks the item deleted with its event; false when it was already deleted. */
    public boolean markDeleted(String id, String by, Instant at, OutboxEntry event) {
        return media.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("deletedAt", null)),
                Updates.combine(Updates.set("deletedAt", Date.from(at)), Updates.set("deletedBy", by),
                        Updates.push(Outbox.FIELD, event.toDocument()))).getModifiedCount() == 1;
    }

    /** Deleted items whose bytes are still stored, deleted before {@code cutoff}. */
    public List<MediaRecord> deletedBefore(Instant cutoff, int limit) {
        return media.find(Filters.and(Filters.lt("deletedAt", Date.from(cutoff)), Filters.eq("purgedAt", null)))
                .limit(limit).map(MediaRecord::from).into(new ArrayList<>());
    }

    public void markPurged(String id, Instant at) {
        media.updateOne(Filters.eq("_id", id), Updates.set("purgedAt", Date.from(at)));
    }

    /** Where a page ended. */
    public record Position(Instant createdAt, String id) {
    }
}
