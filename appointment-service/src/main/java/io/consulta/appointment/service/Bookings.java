package io.consulta.appointment.service;

import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.AvailabilityRecord;
import io.consulta.appointment.store.BusyCalendar;
import io.consulta.appointment.store.Claims;
import io.consulta.appointment.store.ClaimConflictException;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.domain.SlotClaims;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.events.Outbox;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking and holding slots. Whether a slot is free is checked against the doctor's rules first, for a helpful
 * answer; that it stays free is guaranteed by the unique claims index, whatever races in between.
 */
@ApplicationScoped
public class Bookings {

    public record BookingRequest(String doctorId, String patientId, Instant start, VisitType visitType, String reason,
                                 String idempotencyKey, String holdId) {
    }

    public record Booked(Appointment appointment, boolean replayed) {
    }

    private final AppointmentRepository appointments;
    private final PersonRepository people;
    private final AvailabilityRepository availability;
    private final SlotFinder slots;
    private final Claims claims;
    private final Outbox outbox;
    private final TimeSource time;
    private final BusyCalendar calendar;
    private final Duration holdDuration;

    public Bookings(AppointmentRepository appointments, PersonRepository people, AvailabilityRepository availability,
                    SlotFinder slots, Claims claims, Outbox outbox, TimeSource time, BusyCalendar calendar,
                    @ConfigProperty(name = "consulta.holds.duration", defaultValue = "PT5M") Duration holdDuration) {
        this.appointments = appointments;
        this.people = people;
        this.availability = availability;
        this.slots = slots;
        this.claims = claims;
        this.outbox = outbox;
        this.time = time;
        this.calendar = calendar;
        this.holdDuration = holdDuration;
    }

    public Booked book(BookingRequest request) {
        String key = request.idempotencyKey() == null ? null : request.patientId() + ":" + request.idempotencyKey();
        if (key != null) {
            Optional<Appointment> earlier = appointments.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        AvailabilityRecord hours = bookableHoursOf(request.doctorId());
        try {
            Appointment visit = request.holdId() != null
                    ? convertHold(request, key, hours)
                    : insertVisit(request, key, hours);
            calendar.record(visit);
            outbox.flush(visit.id);
            return new Booked(visit, false);
        } catch (ClaimConflictException conflict) {
            if (key != null) {
                Optional<Appointment> raced = appointments.findByIdempotencyKey(key);
                if (raced.isPresent()) {
                    return replay(raced.get(), request);
                }
            }
            throw slotTaken(request.patientId(), request.start(), hours.toDomain(), request.visitType());
        }
    }

    public Appointment hold(String doctorId, String patientId, Instant start, VisitType type) {
        AvailabilityRecord hours = bookableHoursOf(doctorId);
        Availability rules = hours.toDomain();
        appointments.dropHoldsOf(patientId);
        TimeRange visit = slots.requireFree(doctorId, rules, type, start, null);
        Appointment hold = new Appointment();
        hold.id = UUID.randomUUID().toString();
        hold.kind = Appointment.HOLD;
        hold.doctorId = doctorId;
        hold.patientId = patientId;
        hold.start = visit.start();
        hold.end = visit.end();
        hold.visitType = type;
        hold.claims = SlotClaims.of(doctorId, rules.occupancy(visit), patientId, visit);
        hold.idempotencyKey = "auto:" + hold.id;
        hold.createdAt = time.now();
        hold.updatedAt = hold.createdAt;
        hold.holdExpiresAt = hold.createdAt.plus(holdDuration);
        try {
            return claims.take(hold.claims, () -> {
                appointments.persist(hold);
                calendar.record(hold);
                return hold;
            });
        } catch (ClaimConflictException conflict) {
            throw slotTaken(patientId, start, rules, type);
        }
    }

    public void releaseHold(String holdId, String patientId) {
        Appointment released = appointments.deleteHold(holdId, patientId)
                .orElseThrow(() -> new NotFoundException("Hold", holdId));
        calendar.forget(released.doctorId, released.id);
    }

    private Appointment insertVisit(BookingRequest request, String key, AvailabilityRecord hours) {
        Availability rules = hours.toDomain();
        TimeRange visit = slots.requireFree(request.doctorId(), rules, request.visitType(), request.start(), null);
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID().toString();
        appointment.doctorId = request.doctorId();
        appointment.patientId = request.patientId();
        appointment.start = visit.start();
        appointment.end = visit.end();
        appointment.visitType = request.visitType();
        appointment.claims = SlotClaims.of(request.doctorId(), rules.occupancy(visit), request.patientId(), visit);
        appointment.createdAt = time.now();
        becomeVisit(appointment, request, key, hours.timeZone);
        return claims.take(appointment.claims, () -> {
            appointments.persist(appointment);
            return appointment;
        });
    }

    private Appointment convertHold(BookingRequest request, String key, AvailabilityRecord hours) {
        Appointment hold = appointments.findByIdOptional(request.holdId())
                .filter(candidate -> candidate.isHold() && candidate.patientId.equals(request.patientId()))
                .orElseThrow(() -> new NotFoundException("Hold", request.holdId()));
        if (!hold.doctorId.equals(request.doctorId()) || !hold.start.equals(request.start())
                || hold.visitType != request.visitType()) {
            throw new ConflictException("Hold " + hold.id + " is for " + hold.visitType + " at " + hold.start
                    + " with doctor " + hold.doctorId + "; book exactly what you held");
        }
        Instant now = time.now();
        if (!hold.holdExpiresAt.isAfter(now)) {
            throw new ConflictException("Hold " + hold.id + " expired at " + hold.holdExpiresAt
                    + "; pick a free slot again");
        }
        becomeVisit(hold, request, key, hours.timeZone);
        Appointment booked = claims.take(hold.claims, () -> appointments.replaceHold(hold, now));
        if (booked == null) {
            throw new ConflictException("Hold " + hold.id + " expired or was used meanwhile; pick a free slot again");
        }
        return booked;
    }

    private void becomeVisit(Appointment appointment, BookingRequest request, String key, String timeZone) {
        appointment.kind = Appointment.VISIT;
        appointment.status = AppointmentStatus.BOOKED;
        appointment.reason = request.reason();
        appointment.holdExpiresAt = null;
        appointment.idempotencyKey = key != null ? key : "auto:" + appointment.id;
        appointment.updatedAt = time.now();
        Reminders.nextAfter(appointment.start, time.now()).ifPresent(next -> {
            appointment.nextReminderAt = next.at();
            appointment.nextReminderKind = next.kind();
        });
        appointment.outbox.add(outbox.event(AppointmentEvents.TOPIC, AppointmentEvents.BOOKED, appointment.id,
                appointment.eventData(timeZone)));
    }

    private AvailabilityRecord bookableHoursOf(String doctorId) {
        people.bookableDoctor(doctorId).orElseThrow(() -> new NotFoundException("Doctor", doctorId));
        return availability.findByIdOptional(doctorId).orElseThrow(() -> new ConflictException(
                "Doctor " + doctorId + " has not published any hours yet"));
    }

    private static Booked replay(Appointment earlier, BookingRequest request) {
        boolean same = earlier.doctorId.equals(request.doctorId()) && earlier.start.equals(request.start())
                && earlier.visitType == request.visitType();
        if (!same) {
            throw InvalidInputException.unprocessable("Idempotency-Key", "'" + request.idempotencyKey()
                    + "' was already used for a different booking; use a new key for a new booking");
        }
        return new Booked(earlier, true);
    }

    ConflictException slotTaken(String patientId, Instant start, Availability rules, VisitType type) {
        TimeRange visit = new TimeRange(start, start.plus(SlotFinder.lengthOf(rules, type)));
        if (appointments.patientBusy(patientId, visit, null)) {
            return new ConflictException("You already have a visit that overlaps " + start);
        }
        return new ConflictException("Someone else has just taken the slot at " + start + "; pick another one");
    }
}
