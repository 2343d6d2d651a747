package io.consulta.auth.store;

import com.mongodb.client.MongoClient;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.store.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** common's audit log and care-relationship projection, over this service's own collections. */
@Singleton
public class SharedStores {

    private final MongoClient mongo;
    private final String database;

    public SharedStores(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new AuditLog(mongo.getDatabase(database).getCollection("audit_log"));
    }

    @Produces
    @Singleton
    CareRelationships careRelationships() {
        return new CareRelationships(mongo.getDatabase(database).getCollection("care_relationships"));
    }

    void createIndexes(@Observes StartupEvent event, AuditLog audit, CareRelationships relationships) {
        audit.createIndexes();
        relationships.createIndexes();
    }
}
