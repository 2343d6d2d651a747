package io.consulta.common.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Who did what to whose data, when and with which details: reads of personal or clinical data are audited. Each
 * service produces one over its own {@code audit_log} collection. An entry is stored before {@link #record} returns;
 * entries recorded at the same time share one insert ({@link GroupInsert}), so auditing every read stays cheap.
 */
public class AuditLog implements AutoCloseable {

    private final MongoCollection<Document> entries;
    private final GroupInsert writer;
    private final Clock clock;

    public AuditLog(MongoCollection<Document> entries) {
        this(entries, Clock.systemUTC());
    }

    public AuditLog(MongoCollection<Document> entries, Clock clock) {
        this.entries = entries;
        this.writer = new GroupInsert(entries, "audit-log-writer");
        this.clock = clock;
    }

    /** Lets an operator list one subject's entries in time order without a collection scan. */
    public void createIndexes() {
        entries.createIndex(Indexes.ascending("subject", "at"), new IndexOptions().name("by_subject"));
    }

    public void record(String who, String action, String subjectId) {
        record(who, action, subjectId, Map.of());
    }

    public void record(String who, String action, String subjectId, Map<String, Object> details) {
        writer.insert(entry(who, action, subjectId, details));
    }

    /**
     * {@link #record} for a caller that must not block (an event-loop request): the future completes once the entry is
     * stored, and the caller answers only then, as one that called {@code record} would.
     */
    public CompletableFuture<Void> recordAsync(String who, String action, String subjectId,
                                               Map<String, Object> details) {
        return writer.insertAsync(entry(who, action, subjectId, details));
    }

    private Document entry(String who, String action, String subjectId, Map<String, Object> details) {
        Document entry = new Document("who", who).append("action", action).append("subject", subjectId);
        if (details != null && !details.isEmpty()) {
            entry.append("details", new Document(details));
        }
        return entry.append("at", Date.from(clock.instant()));
    }

    /** Stores the entries still waiting; later records throw. */
    @Override
    public void close() {
        writer.close();
    }
}
