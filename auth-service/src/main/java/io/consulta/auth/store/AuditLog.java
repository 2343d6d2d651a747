package io.consulta.auth.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;

/** Who read whose personal data, and when. */
@ApplicationScoped
public class AuditLog {

    private final MongoCollection<Document> entries;

    public AuditLog(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.entries = mongo.getDatabase(database).getCollection("audit_log");
    }

    public void record(String who, String action, String subjectId) {
        entries.insertOne(new Document("who", who).append("action", action).append("subject", subjectId)
                .append("at", new Date()));
    }
}
