package io.consulta.appointment.store;

import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.contracts.AppointmentEvents.AppointmentData;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonIgnore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A visit, or a hold on a slot while a patient completes the booking form (kind {@value #HOLD}). Both claim their
 * time in the unique {@code claims} index, so a hold blocks the slot exactly like a visit, and turning a hold into a
 * visit is one update of one document.
 */
@MongoEntity(collection = "appointments")
public class Appointment {

    public static final String VISIT = "visit";
    public static final String HOLD = "hold";

    @BsonId
    public String id;
    public String kind;
    public String doctorId;
    public String patientId;
    public Instant start;
    public Instant end;
    public VisitType visitType;
    public String reason;
    public AppointmentStatus status;
    public List<String> claims = new ArrayList<>();
    /** The patient's Idempotency-Key, or the id itself when none was sent: unique, so a retried POST books once. */
    public String idempotencyKey;
    public Instant holdExpiresAt;

    public String cancelledBy;
    public String cancelledByRole;
    public String cancellationReason;
    public Instant checkedInAt;
    public Instant startedAt;
    public Instant completedAt;

    public Instant nextReminderAt;
    public String nextReminderKind;

    public Instant createdAt;
    public Instant updatedAt;
    public long version;
    public List<OutboxEntry> outbox = new ArrayList<>();

    @BsonIgnore
    public TimeRange visit() {
        return new TimeRange(start, end);
    }

    @BsonIgnore
    public boolean isHold() {
        return HOLD.equals(kind);
    }

    /** Whether an appointment keeps the doctor busy: a hold, or a visit still on the calendar. */
    public static boolean takesTime(String kind, AppointmentStatus status) {
        return HOLD.equals(kind) || (status != null && status.holdsSlot());
    }

    @BsonIgnore
    public boolean involves(String userId) {
        return userId.equals(patientId) || userId.equals(doctorId);
    }

    /** The visit as appointment events carry it: who, when and the status, never the reason. */
    public AppointmentData eventData(String timeZone) {
        return new AppointmentData(id, doctorId, patientId, start, end, status.code(), visitType.name(), timeZone, null,
                null, cancelledByRole, cancellationReason, null);
    }
}
