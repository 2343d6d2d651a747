package io.consulta.notes.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.store.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;

/** The collections of consulta_notes, and the shared stores (care relationships, audit log) over this database. */
@ApplicationScoped
public class Collections {

    private final MongoClient mongo;
    private final String database;

    public Collections(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    public MongoCollection<Document> get(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }

    @Produces
    @Singleton
    CareRelationships careRelationships() {
        return new CareRelationships(get("care_relationships"));
    }

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new AuditLog(get("audit_log"));
    }

    void createIndexes(@Observes StartupEvent event, CareRelationships relationships, AuditLog audit) {
        relationships.createIndexes();
        audit.createIndexes();
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static long longValue(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
