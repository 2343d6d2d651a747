package io.consulta.appointment.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a doctor can be booked: weekly hours in their own time zone, dates whose hours differ (an override with no
 * hours is a day off), how slots are laid out and how far ahead or how late patients may book or cancel.
 */
public record Availability(ZoneId zone,
                           Map<DayOfWeek, List<WorkingHours>> weeklyHours,
                           Map<LocalDate, List<WorkingHours>> dateOverrides,
                           Duration slotInterval,
                           Duration bufferBefore,
                           Duration bufferAfter,
                           Duration minimumNotice,
                           Duration horizon,
                           Duration cancellationCutoff,
                           Map<VisitType, Duration> visitLengths) {

    public List<WorkingHours> hoursOn(LocalDate date) {
        List<WorkingHours> override = dateOverrides.get(date);
        return override != null ? override : weeklyHours.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public Optional<Duration> lengthOf(VisitType type) {
        return Optional.ofNullable(visitLengths.get(type));
    }

    /** What a visit keeps the doctor busy for: the visit itself and the buffers around it. */
    public TimeRange occupancy(TimeRange visit) {
        return visit.widen(bufferBefore, bufferAfter);
    }
}
