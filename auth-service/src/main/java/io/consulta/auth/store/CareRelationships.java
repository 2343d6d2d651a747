package io.consulta.auth.store;

import com.mongodb.client.MongoClient;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Projection of who cares for whom, fed by appointment and chat events: a doctor and a patient are related while they
 * share an appointment that is not cancelled, or once the patient started a conversation with the doctor.
 */
@ApplicationScoped
public class CareRelationships {

    private final MongoCollection<Document> relationships;

    public CareRelationships(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.relationships = mongo.getDatabase(database).getCollection("care_relationships");
    }

    void createIndexes(@Observes StartupEvent event) {
        relationships.createIndex(Indexes.ascending("patientId"), new IndexOptions().name("by_patient"));
    }

    public boolean exists(String doctorId, String patientId) {
        return relationships.find(Filters.and(Filters.eq("_id", key(doctorId, patientId)),
                Filters.or(Filters.exists("appointments.0"), Filters.eq("conversation", true)))).first() != null;
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

    public void conversationStarted(String doctorId, String patientId) {
        relationships.updateOne(Filters.eq("_id", key(doctorId, patientId)),
                Updates.combine(Updates.set("conversation", true), pair(doctorId, patientId)),
                new UpdateOptions().upsert(true));
    }

    private static org.bson.conversions.Bson pair(String doctorId, String patientId) {
        return Updates.combine(Updates.set("doctorId", doctorId), Updates.set("patientId", patientId),
                Updates.set("updatedAt", Instant.now()));
    }

    private static String key(String doctorId, String patientId) {
        return doctorId + "|" + patientId;
    }
}
