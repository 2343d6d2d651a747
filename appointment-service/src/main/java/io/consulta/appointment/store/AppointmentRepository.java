package io.consulta.appointment.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AppointmentRepository implements PanacheMongoRepositoryBase<Appointment, String> {

    /** Visits that ended this long ago can no longer be in the way of a free slot. */
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    void createIndexes(@Observes StartupEvent event) {
        var appointments = mongoCollection();
        appointments.createIndex(Indexes.ascending("claims"), new IndexOptions().unique(true).name("unique_claims"));
        appointments.createIndex(Indexes.ascending("idempotencyKey"),
                new IndexOptions().unique(true).name("unique_idempotency_key"));
        appointments.createIndex(Indexes.ascending("doctorId", "kind", "start"), new IndexOptions().name("doctor_schedule"));
        appointments.createIndex(Indexes.ascending("patientId", "kind", "start"), new IndexOptions().name("patient_visits"));
        appointments.createIndex(Indexes.ascending("nextReminderAt"), new IndexOptions().name("reminders_due"));
        appointments.createIndex(Indexes.ascending("kind", "holdExpiresAt"), new IndexOptions().name("holds_expiry"));
    }

    /** Visits on the doctor's calendar and unexpired holds that end after {@code since} minus a day. */
    public List<BusyCalendar.Busy> busyFrom(String doctorId, Instant since) {
        Bson filter = Filters.and(
                Filters.eq("doctorId", doctorId),
                Filters.gt("end", Date.from(since.minus(LOOK_BACK))),
                Filters.or(
                        Filters.and(Filters.eq("kind", Appointment.VISIT), Filters.in("status",
                                AppointmentStatus.BOOKED.name(), AppointmentStatus.ARRIVED.name())),
                        Filters.and(Filters.eq("kind", Appointment.HOLD), Filters.gt("holdExpiresAt", Date.from(since)))));
        List<BusyCalendar.Busy> busy = new ArrayList<>();
        for (Document doc : mongoDatabase().getCollection("appointments")
                .find(filter).projection(Projections.include("start", "end", "holdExpiresAt"))) {
            busy.add(busyOf(doc));
        }
        return busy;
    }

    /** A visit or hold as another replica left it: whether it takes the doctor's time, and which. */
    public record Change(String doctorId, BusyCalendar.Busy busy, boolean takesTime) {
    }

    /** Visits and holds written at or after {@code since}, by any replica. */
    public List<Change> changedSince(Instant since) {
        List<Change> changes = new ArrayList<>();
        for (Document doc : mongoDatabase().getCollection("appointments")
                .find(Filters.gte("updatedAt", Date.from(since)))
                .projection(Projections.include("doctorId", "kind", "status", "start", "end", "holdExpiresAt"))) {
            String status = doc.getString("status");
            changes.add(new Change(doc.getString("doctorId"), busyOf(doc), Appointment.takesTime(doc.getString("kind"),
                    status == null ? null : AppointmentStatus.valueOf(status))));
        }
        return changes;
    }

    private static BusyCalendar.Busy busyOf(Document doc) {
        Date holdExpiry = doc.getDate("holdExpiresAt");
        return new BusyCalendar.Busy(doc.getString("_id"),
                new TimeRange(doc.getDate("start").toInstant(), doc.getDate("end").toInstant()),
                holdExpiry == null ? null : holdExpiry.toInstant());
    }

    public Optional<Appointment> findVisit(String id) {
        return findByIdOptional(id).filter(appointment -> Appointment.VISIT.equals(appointment.kind));
    }

    public Optional<Appointment> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** Holds that ran out, among those claiming any of {@code claims}, are dropped so the claims can be taken. */
    public long dropExpiredHolds(List<String> claims, Instant now) {
        return mongoCollection().deleteMany(Filters.and(Filters.eq("kind", Appointment.HOLD),
                Filters.lte("holdExpiresAt", Date.from(now)), Filters.in("claims", claims))).getDeletedCount();
    }

    public long dropExpiredHolds(Instant now) {
        return mongoCollection().deleteMany(Filters.and(Filters.eq("kind", Appointment.HOLD),
                Filters.lte("holdExpiresAt", Date.from(now)))).getDeletedCount();
    }

    public long dropHoldsOf(String patientId) {
        return mongoCollection().deleteMany(Filters.and(Filters.eq("kind", Appointment.HOLD),
                Filters.eq("patientId", patientId))).getDeletedCount();
    }

    /** Whether the patient has another visit overlapping this one (to explain a refused booking). */
    public boolean patientBusy(String patientId, TimeRange visit, String excludingId) {
        return mongoCollection().countDocuments(Filters.and(Filters.eq("patientId", patientId),
                Filters.eq("kind", Appointment.VISIT),
                Filters.in("status", AppointmentStatus.BOOKED.name(), AppointmentStatus.ARRIVED.name()),
                Filters.lt("start", Date.from(visit.end())), Filters.gt("end", Date.from(visit.start())),
                Filters.ne("_id", excludingId == null ? "" : excludingId))) > 0;
    }

    /** Ids of visits still on the doctor's calendar within a range. */
    public List<String> bookedWithin(String doctorId, TimeRange range) {
        List<String> ids = new ArrayList<>();
        mongoCollection().find(Filters.and(Filters.eq("doctorId", doctorId), Filters.eq("kind", Appointment.VISIT),
                        Filters.in("status", AppointmentStatus.BOOKED.name(), AppointmentStatus.ARRIVED.name()),
                        Filters.lt("start", Date.from(range.end())), Filters.gt("end", Date.from(range.start()))))
                .forEach(visit -> ids.add(visit.id));
        return ids;
    }

    /** Deletes the patient's own hold; empty when there is no such hold. */
    public Optional<Appointment> deleteHold(String holdId, String patientId) {
        return Optional.ofNullable(mongoCollection().findOneAndDelete(Filters.and(Filters.eq("_id", holdId),
                Filters.eq("kind", Appointment.HOLD), Filters.eq("patientId", patientId))));
    }

    /** Replaces a hold by the visit it became, if it is still an unexpired hold; null otherwise. */
    public Appointment replaceHold(Appointment visit, Instant now) {
        Bson stillHeld = Filters.and(Filters.eq("_id", visit.id), Filters.eq("kind", Appointment.HOLD),
                Filters.gt("holdExpiresAt", Date.from(now)));
        return mongoCollection().findOneAndReplace(stillHeld, visit,
                new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Writes the visit if it is still at {@code readVersion}, adding {@code event} to its outbox; null when it
     * changed meanwhile. Every stored field but the outbox is set: the outbox only grows by {@code $push}, since the
     * relay {@code $pull}s published entries concurrently and writing back the list as read would resurrect them.
     */
    public Appointment updateIfVersion(Appointment visit, long readVersion, OutboxEntry event) {
        BsonDocument fields = new BsonDocument();
        mongoCollection().getCodecRegistry().get(Appointment.class)
                .encode(new BsonDocumentWriter(fields), visit, EncoderContext.builder().build());
        fields.remove("_id");
        fields.remove(Outbox.FIELD);
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        for (String optional : List.of("nextReminderAt", "nextReminderKind")) {
            if (!fields.containsKey(optional)) {
                updates.add(Updates.unset(optional));
            }
        }
        updates.add(Updates.push(Outbox.FIELD, event));
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", visit.id), Filters.eq("version", readVersion)), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Booked visits whose next reminder is due at {@code now}, at most {@code limit}. */
    public List<Appointment> remindersDue(Instant now, int limit) {
        return mongoCollection().find(Filters.and(Filters.lte("nextReminderAt", Date.from(now)),
                Filters.eq("kind", Appointment.VISIT), Filters.eq("status", AppointmentStatus.BOOKED.name())))
                .limit(limit).into(new ArrayList<>());
    }

    /**
     * Moves the visit's reminder on to {@code next} (none: no more reminders) and stores {@code event} (if any) in its
     * outbox, unless another replica did so first; returns whether this call did.
     */
    public boolean moveReminder(Appointment visit, OutboxEntry event, Reminders.Reminder next) {
        List<Bson> changes = new ArrayList<>();
        if (event != null) {
            changes.add(Updates.push(Outbox.FIELD, event));
        }
        if (next != null) {
            changes.add(Updates.set("nextReminderAt", next.at()));
            changes.add(Updates.set("nextReminderKind", next.kind()));
        } else {
            changes.add(Updates.unset("nextReminderAt"));
            changes.add(Updates.unset("nextReminderKind"));
        }
        return mongoCollection().updateOne(Filters.and(Filters.eq("_id", visit.id),
                        Filters.eq("nextReminderAt", Date.from(visit.nextReminderAt))), Updates.combine(changes))
                .getModifiedCount() == 1;
    }
}
