package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;

import java.time.Instant;
import java.util.List;

/** What the busy calendar reads from the store: one doctor whole, or everything written since an instant. */
public interface CalendarStore {

    /** Visits on the doctor's calendar and unexpired holds that end after {@code since} minus a day. */
    List<BusyCalendar.Busy> busyFrom(String doctorId, Instant since);

    /** Visits and holds written at or after {@code since}, by any replica. */
    List<AppointmentRepository.Change> changedSince(Instant since);

    List<TimeRange> timeOffEndingAfter(String doctorId, Instant instant);

    /** Time off created at or after {@code since}, by any replica. */
    List<TimeOff> timeOffCreatedSince(Instant since);
}
