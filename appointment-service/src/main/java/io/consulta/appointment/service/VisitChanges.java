package io.consulta.appointment.service;

import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.AvailabilityRecord;
import io.consulta.appointment.store.BusyCalendar;
import io.consulta.appointment.store.Claims;
import io.consulta.appointment.store.ClaimConflictException;
import io.consulta.appointment.store.TimeSource;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.IllegalTransitionException;
import io.consulta.appointment.domain.Lifecycle;
import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.domain.SlotClaims;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitAction;
import io.consulta.appointment.domain.VisitPermissions.Party;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.AppointmentEvents.AppointmentData;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.domain.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;

/**
 * Changes to a booked visit. Each is one conditional replace of the visit document (matched on its version) that
 * carries its event, so a change either happens completely, with its event, or not at all. A reschedule swaps the
 * old claims for the new ones in that same write: the old slot is freed exactly when the new one is taken.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class VisitChanges {

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availability;
    private final SlotFinder slots;
    private final Claims claims;
    private final Outbox outbox;
    private final TimeSource time;
    private final Bookings bookings;
    private final BusyCalendar calendar;
    private final VisitAccess access;

    /** Moves the caller's visit (its patient until the cut-off, its doctor always) to another free slot. */
    public Appointment reschedule(Party caller, String id, Instant newStart, VisitType newType) {
        return reschedule(access.permitted(caller, id, VisitAction.RESCHEDULE), newStart, newType);
    }

    /** Cancels the caller's visit (its patient until the cut-off, its doctor always); the slot becomes free. */
    public Appointment cancel(Party caller, String id, String reason) {
        Appointment visit = access.permitted(caller, id, VisitAction.CANCEL);
        String role = caller.doctor() && caller.userId().equals(visit.doctorId) ? "doctor" : "patient";
        return apply(visit, VisitAction.CANCEL, caller.userId(), role, reason);
    }

    /** What only the visit's doctor records: check-in, start, completion, no-show. */
    public Appointment record(Party caller, String id, VisitAction action) {
        return apply(access.permitted(caller, id, action), action, caller.userId(), "doctor", null);
    }

    private Appointment reschedule(Appointment visit, Instant newStart, VisitType newType) {
        VisitType type = newType != null ? newType : visit.visitType;
        Instant now = time.now();
        transition(visit, VisitAction.RESCHEDULE, now);
        AvailabilityRecord hours = availability.findByIdOptional(visit.doctorId).orElseThrow(() ->
                new ConflictException("Doctor " + visit.doctorId + " has no published hours to reschedule into"));
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

    private Appointment apply(Appointment visit, VisitAction action, String actorId, String actorRole, String reason) {
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
            throw new ConflictException(refused.getMessage());
        }
    }

    private Appointment save(Appointment visit, VisitAction action, AppointmentData data, Instant now) {
        long readVersion = visit.version;
        visit.version = readVersion + 1;
        visit.updatedAt = now;
        OutboxEntry event = outbox.event(AppointmentEvents.TOPIC, action.eventType(), visit.id, data);
        Appointment saved = claims.take(visit.claims, () -> appointments.updateIfVersion(visit, readVersion, event));
        if (saved == null) {
            throw new ConflictException("The appointment was changed meanwhile; reload it and try again");
        }
        calendar.record(saved);
        outbox.flush(saved.id);
        return saved;
    }
}
