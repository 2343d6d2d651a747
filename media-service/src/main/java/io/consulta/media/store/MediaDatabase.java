package io.consulta.media.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.store.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database, consulta_media, and the shared building blocks kept in it. */
@ApplicationScoped
public class MediaDatabase {

    private final MongoDatabase database;

    public MediaDatabase(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = mongo.getDatabase(name);
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Projection of consulta.appointments: which doctors care for which patients. */
    @Produces
    @Singleton
    CareRelationships careRelationships() {
        return new CareRelationships(collection("care_relationships"));
    }

    /** Every read of a photo or document, and of its thumbnail, is recorded here. */
    @Produces
    @Singleton
    AuditLog auditLog() {
        return new AuditLog(collection("audit_log"));
    }

    void createIndexes(@Observes StartupEvent event, CareRelationships relationships, AuditLog audit) {
        relationships.createIndexes();
        audit.createIndexes();
    }
}
