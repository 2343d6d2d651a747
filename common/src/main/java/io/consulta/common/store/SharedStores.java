package io.consulta.common.store;

import io.consulta.common.care.CareRelationships;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import lombok.RequiredArgsConstructor;

import java.util.function.Consumer;

/**
 * common's audit log and care-relationship projection over a service's own database, with their indexes made before
 * the first use. Default beans: a service that keeps them elsewhere produces its own, and a service that uses
 * neither never creates the collections.
 */
@Singleton
@RequiredArgsConstructor
public class SharedStores {

    private final ServiceDatabase database;

    @Produces
    @Singleton
    @DefaultBean
    AuditLog auditLog() {
        return indexed(new AuditLog(database.collection("audit_log")), AuditLog::createIndexes);
    }

    void closeAuditLog(@Disposes AuditLog auditLog) {
        auditLog.close();
    }

    @Produces
    @Singleton
    @DefaultBean
    CareRelationships careRelationships() {
        return indexed(new CareRelationships(database.collection("care_relationships")),
                CareRelationships::createIndexes);
    }

    /** A store is handed out only once its indexes exist. */
    private static <T> T indexed(T store, Consumer<T> createIndexes) {
        createIndexes.accept(store);
        return store;
    }
}
