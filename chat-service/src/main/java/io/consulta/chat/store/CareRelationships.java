package io.consulta.chat.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;

/**
 * Projection of consulta.appointments: which doctor–patient pairs share an appointment that is not cancelled. This is
 * what allows opening a conversation; an existing conversation stays open even after its appointments are gone.
 */
@ApplicationScoped
public class CareRelationships {

    private final MongoCollection<Document> relationships;

    public CareRelationships(Collections collections) {
        this.relationships = collections.get("care_relationships");
    }

    void createIndexes(@Observes StartupEvent event) {
        relationships.createIndex(Indexes.ascending("patientId"), new IndexOptions().name("by_patient"));
    }

    public boolean exists(String doctorId, String patientId) {
        return relationships.find(Filters.and(Filters.eq("_id", key(doctorId, patientId)),
                Filters.exists("appointments.0"))).first() != null;
    }

    public void appointmentActive(String doctorId, String patientId, String appointmentId) {
        relationships.updateOne(Filters.eq("_id", key(doctorId, patientId)),
                Updates.combine(Updates.addToSet("appointments", appointmentId), pair(doctorId, patientId)),
                new UpdateOptions().upsert(true));
    }

    public void appointmentCancelled(String doctorId, String patientId, String appointmentId) {
        relationships.updateOne(Filters.eq("_id", key(doctorId, patientId)),
                Updates.combine(Updates.pull("appointments", appointmentId), pair(doctorId, patientId)),
                new UpdateOptions().upsert(true));
    }

    private static Bson pair(String doctorId, String patientId) {
        return Updates.combine(Updates.set("doctorId", doctorId), Updates.set("patientId", patientId),
                Updates.set("updatedAt", new Date()));
    }

    private static String key(String doctorId, String patientId) {
        return doctorId + "|" + patientId;
    }
}
