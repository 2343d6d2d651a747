package io.consulta.chat.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;

import java.util.Date;

/** Who read which conversation's history, when, and how much: chat history is clinical data. */
@ApplicationScoped
public class AuditLog {

    public static final String READ_HISTORY = "read chat history";
    public static final String RESUME = "resumed chat history";

    private final MongoCollection<Document> entries;

    public AuditLog(Collections collections) {
        this.entries = collections.get("audit_log");
    }

    void createIndexes(@Observes StartupEvent event) {
        entries.createIndex(Indexes.ascending("subject", "at"), new IndexOptions().name("by_subject"));
    }

    public void record(String who, String action, String conversationId, Document details) {
        entries.insertOne(new Document("who", who).append("action", action).append("subject", conversationId)
                .append("details", details).append("at", new Date()));
    }
}
