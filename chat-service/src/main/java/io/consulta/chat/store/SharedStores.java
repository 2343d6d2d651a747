package io.consulta.chat.store;

import io.consulta.common.care.CareRelationships;
import io.consulta.common.store.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** common's audit log and care-relationship projection, over this service's own collections. */
@Singleton
public class SharedStores {

    /** Who read which conversation's history, when, and how much: chat history is clinical data. */
    public static final String READ_HISTORY = "read chat history";
    public static final String RESUME = "resumed chat history";

    private final Collections collections;

    public SharedStores(Collections collections) {
        this.collections = collections;
    }

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new AuditLog(collections.get("audit_log"));
    }

    @Produces
    @Singleton
    CareRelationships careRelationships() {
        return new CareRelationships(collections.get("care_relationships"));
    }

    void createIndexes(@Observes StartupEvent event, AuditLog audit, CareRelationships relationships) {
        audit.createIndexes();
        relationships.createIndexes();
    }
}
