package io.consulta.appointment.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Availabilities for the rules' tests, built by what differs from a plain 30-minute weekday schedule. */
final class Schedules {

    private Schedules() {
    }

    static Builder in(String zone) {
        return new Builder(ZoneId.of(zone));
    }

    static WorkingHours hours(String start, String end) {
        return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    @RequiredArgsConstructor(access = AccessLevel.PRIVATE)
    static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<WorkingHours>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, List<WorkingHours>> overrides = new java.util.HashMap<>();
        private Duration slot = Duration.ofMinutes(30);
        private Duration before = Duration.ZERO;
        private Duration after = Duration.ZERO;
        private Duration notice = Duration.ZERO;
        private Duration horizon = Duration.ofDays(365 * 20);
        private final Map<VisitType, Duration> visits = new EnumMap<>(Map.of(VisitType.IN_PERSON, Duration.ofMinutes(30)));

        Builder everyDay(WorkingHours... hours) {
            for (DayOfWeek day : DayOfWeek.values()) {
                weekly.put(day, List.of(hours));
            }
            return this;
        }

        Builder on(DayOfWeek day, WorkingHours... hours) {
            weekly.put(day, List.of(hours));
            return this;
        }

        Builder onDate(String date, WorkingHours... hours) {
            overrides.put(LocalDate.parse(date), List.of(hours));
            return this;
        }

        Builder slotMinutes(int minutes) {
            slot = Duration.ofMinutes(minutes);
            return this;
        }

        Builder buffers(int beforeMinutes, int afterMinutes) {
            before = Duration.ofMinutes(beforeMinutes);
            after = Duration.ofMinutes(afterMinutes);
            return this;
        }

        Builder notice(Duration minimumNotice) {
            notice = minimumNotice;
            return this;
        }

        Builder horizon(Duration bookingHorizon) {
            horizon = bookingHorizon;
            return this;
        }

        Builder visit(VisitType type, int minutes) {
            visits.put(type, Duration.ofMinutes(minutes));
            return this;
        }

        Availability build() {
            return new Availability(zone, weekly, overrides, slot, before, after, notice, horizon, Duration.ofHours(24),
                    visits);
        }
    }
}
