package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
@RequiredArgsConstructor
public class MongoCalendarStore implements CalendarStore {

    private final AppointmentRepository appointments;
    private final TimeOffRepository timeOff;

    @Override
    public List<BusyCalendar.Busy> busyFrom(String doctorId, Instant since) {
        return appointments.busyFrom(doctorId, since);
    }

    @Override
    public List<AppointmentRepository.Change> changedSince(Instant since) {
        return appointments.changedSince(since);
    }

    @Override
    public List<TimeRange> timeOffEndingAfter(String doctorId, Instant instant) {
        return timeOff.endingAfter(doctorId, instant);
    }

    @Override
    public List<TimeOff> timeOffCreatedSince(Instant since) {
        return timeOff.createdSince(since);
    }
}
