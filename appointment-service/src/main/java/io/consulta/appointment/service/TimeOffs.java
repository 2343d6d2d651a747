package io.consulta.appointment.service;

import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.BusyCalendar;
import io.consulta.appointment.store.TimeOff;
import io.consulta.appointment.store.TimeOffRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.List;
import java.util.UUID;

/** A doctor's time off: blocked stretches that free-slot searches skip; visits already booked in them stay. */
@ApplicationScoped
@RequiredArgsConstructor
public class TimeOffs {

    /** A stretch of time off with the visits still booked inside it, which the doctor may want to move. */
    public record Stretch(TimeOff timeOff, List<String> bookedWithin) {
    }

    private final TimeOffRepository timeOff;
    private final AppointmentRepository appointments;
    private final BusyCalendar calendar;
    private final TimeSource time;

    public Stretch add(String doctorId, TimeRange range, String reason) {
        TimeOff entry = new TimeOff();
        entry.id = UUID.randomUUID().toString();
        entry.doctorId = doctorId;
        entry.start = range.start();
        entry.end = range.end();
        entry.reason = reason;
        entry.createdAt = time.now();
        timeOff.persist(entry);
        calendar.refresh(doctorId);
        return new Stretch(entry, appointments.bookedWithin(doctorId, range));
    }

    /** The doctor's time off that has not ended yet. */
    public List<Stretch> upcoming(String doctorId) {
        return timeOff.upcoming(doctorId, time.now()).stream()
                .map(entry -> new Stretch(entry, appointments.bookedWithin(doctorId, entry.range()))).toList();
    }

    /** Removes one of the doctor's stretches; another doctor's does not exist for them. */
    public void remove(String doctorId, String timeOffId) {
        if (timeOff.delete("_id = ?1 and doctorId = ?2", timeOffId, doctorId) == 0) {
            throw new NotFoundException("Time off", timeOffId);
        }
        calendar.refresh(doctorId);
    }
}
