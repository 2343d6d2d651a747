package io.consulta.common.care;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Projection of who cares for whom, fed by appointment and chat events (see {@link CareRelationshipRule}): one
 * document per doctor–patient pair with the ids of their appointments that are not cancelled and whether the patient
 * started a conversation. Each service produces one over its own {@code care_relationships} collection.
 */
@RequiredArgsConstructor
public class CareRelationships {

    /** A patient has few doctors; the bound keeps one read small whatever the data. */
    static final int MAX_DOCTORS = 500;

    private final MongoCollection<Document> relationships;
    private final Clock clock;

    public CareRelationships(MongoCollection<Document> relationships) {
        this(relationships, Clock.systemUTC());
    }

    public void createIndexes() {
        relationships.createIndex(Indexes.ascending("patientId"), new IndexOptions().name("by_patient"));
    }

    /** They share an appointment that is not cancelled: what chat, notes and media require. */
    public boolean hasActiveAppointment(String doctorId, String patientId) {
        return relationships.find(Filters.and(Filters.eq("_id", key(doctorId, patientId)),
                Filters.exists("appointments.0"))).first() != null;
    }

    /** An active appointment, or a conversation the patient started: what lets a doctor read a patient's profile. */
    public boolean exists(String doctorId, String patientId) {
        return relationships.find(Filters.and(Filters.eq("_id", key(doctorId, patientId)),
                Filters.or(Filters.exists("appointments.0"), Filters.eq("conversation", true)))).first() != null;
    }

    /** The doctors a patient has an active appointment with. */
    public List<String> doctorsOf(String patientId) {
        List<String> doctors = new ArrayList<>();
        relationships.find(Filters.and(Filters.eq("patientId", patientId), Filters.exists("appointments.0")))
                .projection(Projections.include("doctorId")).limit(MAX_DOCTORS)
                .forEach(pair -> doctors.add(pair.getString("doctorId")));
        return doctors;
    }

    public void appointmentActive(String doctorId, String patientId, String appointmentId) {
        upsert(doctorId, patientId, Updates.addToSet("appointments", appointmentId));
    }

    public void appointmentCancelled(String doctorId, String patientId, String appointmentId) {
        upsert(doctorId, patientId, Updates.pull("appointments", appointmentId));
    }

    public void conversationStarted(String doctorId, String patientId) {
        upsert(doctorId, patientId, Updates.set("conversation", true));
    }

    private void upsert(String doctorId, String patientId, Bson change) {
        relationships.updateOne(Filters.eq("_id", key(doctorId, patientId)),
                Updates.combine(change, Updates.set("doctorId", doctorId), Updates.set("patientId", patientId),
                        Updates.set("updatedAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    private static String key(String doctorId, String patientId) {
        return doctorId + "|" + patientId;
    }
}
