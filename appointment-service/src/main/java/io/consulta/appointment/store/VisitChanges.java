package io.consulta.appointment.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.IllegalTransitionException;
import io.consulta.appointment.domain.Lifecycle;
import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.domain.SlotClaims;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitAction;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.AppointmentEvents.AppointmentData;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a booked visit. Each is one conditional replace of the visit document (matched on its version) that
 * carries its event, so a change either happens completely, with its event, or not at all. A reschedule swaps the
 * old claims for the new ones in that same write: the old slot is freed exactly when the new one is taken.
 */
@ApplicationScoped
public class VisitChanges {

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availability;
    private final SlotFinder slots;
    private final Claims claims;
    private final Outbox outbox;
    private final TimeSource time;
    private final Bookings bookings;
    private final BusyCalendar calendar;

    public VisitChanges(AppointmentRepository appointments, AvailabilityRepository availability, SlotFinder slots,
                        Claims claims, Outbox outbox, TimeSource time, Bookings bookings, BusyCalendar calendar) {
        this.appointments = appointments;
        this.availability = availability;
        this.slots = slots;
        this.claims = claims;
        this.outbox = outbox;
        this.time = time;
        this.bookings = bookings;
        this.calendar = calendar;
    }

    public Appointment reschedule(Appointment visit, Instant newStart, VisitType newType) {
        VisitType type = newType != null ? newType : visit.visitType;
        Instant now = time.now();
        transition(visit, VisitAction.RESCHEDULE, now);
        AvailabilityRecord hours = availability.findByIdOptional(visit.doctorId).orElseThrow(() ->
                ApiException.conflict("Doctor " + visit.doctorId + " has no published hours to reschedule into"));
        Availability rules = hours.toDomain();
        TimeRange moved = slots.requireFree(visit.doctorId, rules, type, newStart, visit.id);
        Instant oldStart = visit.start;
        Instant oldEnd = visit.end;
        visit.start = moved.start();
        visit.end = moved.end();
        visit.visitType = type;
        visit.claims = SlotClaims.of(visit.doctorId, rules.occupancy(moved), visit.patientId, moved);
        visit.nextReminderAt = null;
        visit.nextReminderKind = null;
        Reminders.nextAfter(visit.start, now).ifPresent(next -> {
            visit.nextReminderAt = next.at();
            visit.nextReminderKind = next.kind();
        });
        AppointmentData data = visit.eventData(hours.timeZone).movedFrom(oldStart, oldEnd);
        try {
            return save(visit, VisitAction.RESCHEDULE, data, now);
        } catch (ClaimConflictException conflict) {
            throw bookings.slotTaken(visit.patientId, newStart, rules, type);
        }
    }

    /** Cancel, check in, start, complete or record a no-show. */
    public Appointment apply(Appointment visit, VisitAction action, String actorId, String actorRole, String reason) {
        Instant now = time.now();
        AppointmentStatus next = transition(visit, action, now);
        visit.status = next;
        switch (action) {
            case CHECK_IN -> visit.checkedInAt = now;
            case START -> {
                visit.startedAt = now;
                if (visit.checkedInAt == null) {
                    visit.checkedInAt = now;
                }
            }
            case COMPLETE -> visit.completedAt = now;
            case CANCEL -> {
                visit.claims = SlotClaims.released(visit.id);
                visit.cancelledBy = actorId;
                visit.cancelledByRole = actorRole;
                visit.cancellationReason = reason;
            }
            default -> {
            }
        }
        if (next != AppointmentStatus.BOOKED) {
            visit.nextReminderAt = null;
            visit.nextReminderKind = null;
        }
        String timeZone = availability.findByIdOptional(visit.doctorId).map(hours -> hours.timeZone).orElse(null);
        return save(visit, action, visit.eventData(timeZone), now);
    }

    private static AppointmentStatus transition(Appointment visit, VisitAction action, Instant now) {
        try {
            return Lifecycle.next(visit.status, action, visit.startedAt != null, visit.start, now);
        } catch (IllegalTransitionException refused) {
            throw ApiException.conflict(refused.getMessage());
        }
    }

    private Appointment save(Appointment visit, VisitAction action, AppointmentData data, Instant now) {
        long readVersion = visit.version;
        visit.version = readVersion + 1;
        visit.updatedAt = now;
        OutboxEntry event = outbox.event(AppointmentEvents.TOPIC, action.eventType(), visit.id, data);
        Bson update = Updates.combine(fieldsOf(visit), Updates.push(Outbox.FIELD, event));
        Appointment saved = claims.take(visit.claims, () -> appointments.mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", visit.id), Filters.eq("version", readVersion)), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        if (saved == null) {
            throw ApiException.conflict("The appointment was changed meanwhile; reload it and try again");
        }
        calendar.record(saved);
        outbox.flush(saved.id);
        return saved;
    }

    /**
     * Sets every stored field but the outbox, which only grows by {@code $push}: the relay {@code $pull}s published
     * entries concurrently, and writing back the list as read would resurrect them.
     */
    private Bson fieldsOf(Appointment visit) {
        BsonDocument fields = new BsonDocument();
        appointments.mongoCollection().getCodecRegistry().get(Appointment.class)
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
        return Updates.combine(updates);
    }
}
