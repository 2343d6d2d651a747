package io.consulta.notes.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.notes.domain.PrescriptionDraft;
import io.consulta.notes.domain.PrescriptionStatus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Prescriptions, one document each with its outbox; the verification code is unique. */
@ApplicationScoped
public class PrescriptionStore {

    private final MongoCollection<Document> prescriptions;

    public PrescriptionStore(ServiceDatabase database) {
        this.prescriptions = database.collection("prescriptions");
    }

    void createIndexes(@Observes StartupEvent event) {
        prescriptions.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("one_per_code"));
        prescriptions.createIndex(Indexes.ascending("patientId", "issuedAt"), new IndexOptions().name("by_patient"));
    }

    public StoredPrescription insert(String id, String patientId, String doctorId, PrescriptionDraft draft, String code,
                                     Person doctor, Person patient, Instant now, OutboxEntry event) {
        Document d = new Document("_id", id).append("patientId", patientId).append("doctorId", doctorId)
                .append("items", draft.items().stream().map(StoredPrescription::itemDocument).toList())
                .append("validUntil", draft.validUntil().toString()).append("note", draft.note())
                .append("status", PrescriptionStatus.ACTIVE.wire()).append("code", code)
                .append("issuedAt", Date.from(now)).append("doctor", doctor.toDocument())
                .append("patient", patient.toDocument())
                .append(Outbox.FIELD, List.of(event.toDocument()));
        prescriptions.insertOne(d);
        return StoredPrescription.from(d);
    }

    public Optional<StoredPrescription> find(String id) {
        return Optional.ofNullable(prescriptions.find(Filters.eq("_id", id)).first()).map(StoredPrescription::from);
    }

    public Optional<StoredPrescription> findByCode(String code) {
        return Optional.ofNullable(prescriptions.find(Filters.eq("code", code)).first()).map(StoredPrescription::from);
    }

    public long countActive(String patientId) {
        return prescriptions.countDocuments(Filters.and(Filters.eq("patientId", patientId),
                Filters.eq("status", PrescriptionStatus.ACTIVE.wire())));
    }

    /** A page of the patient's prescriptions, newest first, after the cursor's one if any. */
    public List<StoredPrescription> page(String patientId, Instant beforeIssuedAt, String beforeId, int limit) {
        Bson filter = Filters.eq("patientId", patientId);
        if (beforeIssuedAt != null) {
            Date at = Date.from(beforeIssuedAt);
            filter = Filters.and(filter, Filters.or(Filters.lt("issuedAt", at),
                    Filters.and(Filters.eq("issuedAt", at), Filters.lt("_id", beforeId))));
        }
        List<StoredPrescription> out = new ArrayList<>();
        prescriptions.find(filter).sort(Sorts.descending("issuedAt", "_id")).limit(limit)
                .forEach(d -> out.add(StoredPrescription.from(d)));
        return out;
    }

    /** Moves an active prescription to {@code next}; empty if it was no longer active (someone else got there first). */
    public Optional<StoredPrescription> leaveActive(String id, PrescriptionStatus next, String reason, Instant now,
                                                   OutboxEntry event) {
        Document updated = prescriptions.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", PrescriptionStatus.ACTIVE.wire())),
                Updates.combine(Updates.set("status", next.wire()), Updates.set("statusReason", reason),
                        Updates.set("statusChangedAt", Date.from(now)), Updates.push(Outbox.FIELD, event.toDocument())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(StoredPrescription::from);
    }
}
