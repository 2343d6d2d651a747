package io.consulta.appointment.service;

import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.AvailabilityRecord;
import io.consulta.appointment.store.BusyCalendar;
import io.consulta.appointment.store.TimeSource;
import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.Slot;
import io.consulta.appointment.domain.SlotGenerator;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Answers "when is this doctor free?" from their availability, time off and the visits and holds already taken. */
@ApplicationScoped
@RequiredArgsConstructor
public class SlotFinder {

    private final AvailabilityRepository availability;
    private final BusyCalendar calendar;
    private final TimeSource time;

    public AvailabilityRecord availabilityOf(String doctorId) {
        return availability.findByIdOptional(doctorId)
                .orElseThrow(() -> new NotFoundException("Availability of doctor", doctorId));
    }

    public List<Slot> freeSlots(String doctorId, Availability rules, VisitType type, TimeRange window) {
        Instant now = time.now();
        return SlotGenerator.freeSlots(rules, lengthOf(rules, type), window, now,
                calendar.busy(doctorId, window, now, null), calendar.timeOff(doctorId, window, now));
    }

    /** The visit a booking at {@code start} would be, or 409 when that is not a free slot. */
    public TimeRange requireFree(String doctorId, Availability rules, VisitType type, Instant start, String excludingId) {
        Duration length = lengthOf(rules, type);
        TimeRange visit = new TimeRange(start, start.plus(length));
        TimeRange around = rules.occupancy(visit);
        Instant now = time.now();
        boolean free = isFree(doctorId, rules, length, start, around, now, excludingId);
        if (!free) {
            // what this replica holds may be stale: ask the store before refusing
            calendar.refresh(doctorId);
            free = isFree(doctorId, rules, length, start, around, now, excludingId);
        }
        if (!free) {
            throw new ConflictException("The doctor is not free at " + start + " for a " + type
                    + " visit; list the free slots and pick one of them");
        }
        return visit;
    }

    private boolean isFree(String doctorId, Availability rules, Duration length, Instant start, TimeRange around,
                           Instant now, String excludingId) {
        return SlotGenerator.isFree(rules, length, start, now, calendar.busy(doctorId, around, now, excludingId),
                calendar.timeOff(doctorId, around, now));
    }

    public static Duration lengthOf(Availability rules, VisitType type) {
        return rules.lengthOf(type).orElseThrow(() -> new InvalidInputException("visitType",
                "this doctor does not offer " + type + " visits; offered: " + rules.visitLengths().keySet()));
    }
}
