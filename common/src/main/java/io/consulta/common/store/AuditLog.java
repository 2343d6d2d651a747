package io.consulta.common.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

/**
 * Who did what to whose data, when and with which details: reads of personal or clinical data are audited. Each
 * service produces one over its own {@code audit_log} collection.
 */
@RequiredArgsConstructor
public class AuditLog {

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditLog(MongoCollection<Document> entries) {
        this(entries, Clock.systemUTC());
    }

    /** Lets an operator list one subject's entries in time order without a collection scan. */
    public void createIndexes() {
        entries.createIndex(Indexes.ascending("subject", "at"), new IndexOptions().name("by_subject"));
    }

    public void record(String who, String action, String subjectId) {
        record(who, action, subjectId, Map.of());
    }

    public void record(String who, String action, String subjectId, Map<String, Object> details) {
        Document entry = new Document("who", who).append("action", action).append("subject", subjectId);
        if (details != null && !details.isEmpty()) {
            entry.append("details", new Document(details));
        }
        entries.insertOne(entry.append("at", Date.from(clock.instant())));
    }
}
