package io.consulta.appointment.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.TimeRange;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
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
}
