package io.consulta.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static io.consulta.appointment.domain.Schedules.hours;
import static org.assertj.core.api.Assertions.assertThat;

class SlotGeneratorTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void lays_out_slots_through_the_working_hours_on_the_doctors_clock() {
        Availability berlin = Schedules.in("Europe/Berlin").on(DayOfWeek.TUESDAY, hours("09:00", "11:00")).build();

        List<Slot> slots = slotsOn(berlin, "2026-12-01");

        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"),
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(slots.getFirst().localStart().toString()).isEqualTo("2026-12-01T09:00+01:00");
        assertThat(slots.getFirst().end()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    }

    @Test
    void keeps_local_hours_across_the_spring_daylight_saving_change() {
        Availability berlin = Schedules.in("Europe/Berlin").everyDay(hours("09:00", "10:00")).build();

        List<Slot> saturday = slotsOn(berlin, "2026-03-28");
        List<Slot> sunday = slotsOn(berlin, "2026-03-29");

        assertThat(saturday.getFirst().start()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(sunday.getFirst().start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(sunday).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(sunday.getFirst().localStart().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void keeps_local_hours_across_the_autumn_daylight_saving_change() {
        Availability newYork = Schedules.in("America/New_York").everyDay(hours("09:00", "10:00")).build();

        List<Slot> sunday = slotsOn(newYork, "2026-11-01");

        assertThat(sunday).extracting(Slot::start).containsExactly(
                Instant.parse("2026-11-01T14:00:00Z"), Instant.parse("2026-11-01T14:30:00Z"));
        assertThat(sunday.getFirst().localStart().toString()).isEqualTo("2026-11-01T09:00-05:00");
    }

    @Test
    void hours_that_begin_in_the_spring_forward_gap_start_when_the_clock_resumes() {
        Availability berlin = Schedules.in("Europe/Berlin").onDate("2026-03-29", hours("02:00", "04:00")).build();

        List<Slot> slots = slotsOn(berlin, "2026-03-29");

        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(3, 0), LocalTime.of(3, 30));
    }

    @Test
    void the_repeated_hour_of_the_autumn_change_is_worked_twice() {
        Availability berlin = Schedules.in("Europe/Berlin").onDate("2026-10-25", hours("02:00", "03:00")).build();

        List<Slot> slots = slotsOn(berlin, "2026-10-25");

        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(slots).extracting(slot -> slot.localStart().toString()).containsExactly(
                "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00", "2026-10-25T02:00+01:00", "2026-10-25T02:30+01:00");
    }

    @Test
    void overlapping_and_touching_hours_are_merged_without_duplicate_slots() {
        Availability doctor = Schedules.in("UTC")
                .on(DayOfWeek.TUESDAY, hours("09:00", "10:00"), hours("09:30", "10:30"), hours("10:30", "11:00"))
                .build();

        assertThat(slotsOn(doctor, "2026-12-01")).extracting(slot -> slot.localStart().toLocalTime()).containsExactly(
                LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30));
    }

    @Test
    void night_hours_run_past_midnight_into_the_next_day() {
        assertThat(mondayNightShiftStarts("2026-11-30", "2026-12-02")).containsExactly(
                Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-11-30T23:30:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:30:00Z"));
    }

    @Test
    void a_night_that_began_before_the_window_still_yields_its_later_slots() {
        assertThat(mondayNightShiftStarts("2026-12-01", "2026-12-02")).containsExactly(
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:30:00Z"));
    }

    @Test
    void a_date_override_replaces_the_weekly_hours_and_no_hours_means_closed() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "10:00"))
                .onDate("2026-12-01", hours("14:00", "14:30"))
                .onDate("2026-12-02")
                .build();

        assertThat(slotsOn(doctor, "2026-12-01")).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(14, 0));
        assertThat(slotsOn(doctor, "2026-12-02")).isEmpty();
        assertThat(slotsOn(doctor, "2026-12-03")).hasSize(2);
    }

    @Test
    void booked_visits_and_their_buffers_take_slots_away() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "12:00")).buffers(10, 10).build();
        TimeRange booked = new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:30:00Z"));

        List<Slot> slots = SlotGenerator.freeSlots(doctor, HALF_HOUR, window("2026-12-01", "2026-12-02"), LONG_AGO,
                List.of(doctor.occupancy(booked)), List.of());

        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime()).containsExactly(
                LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(11, 30));
    }

    @Test
    void time_off_removes_the_slots_it_touches() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "11:00")).build();
        TimeRange dentist = new TimeRange(Instant.parse("2026-12-01T09:15:00Z"), Instant.parse("2026-12-01T10:00:00Z"));

        List<Slot> slots = SlotGenerator.freeSlots(doctor, HALF_HOUR, window("2026-12-01", "2026-12-02"), LONG_AGO,
                List.of(), List.of(dentist));

        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 30));
    }

    @Test
    void nothing_in_the_past_inside_the_minimum_notice_or_beyond_the_horizon() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "12:00"))
                .notice(Duration.ofHours(2)).horizon(Duration.ofDays(1)).build();
        Instant now = Instant.parse("2026-12-01T08:10:00Z");

        List<Slot> slots = SlotGenerator.freeSlots(doctor, HALF_HOUR, window("2026-11-30", "2026-12-05"), now,
                List.of(), List.of());

        assertThat(slots.getFirst().start()).isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(slots.getLast().start()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
    }

    @Test
    void longer_visits_need_room_before_the_end_of_the_hours() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "10:30")).build();

        List<Slot> slots = SlotGenerator.freeSlots(doctor, Duration.ofMinutes(60), window("2026-12-01", "2026-12-02"),
                LONG_AGO, List.of(), List.of());

        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(slots.getFirst().end()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void slot_interval_can_differ_from_the_visit_length() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "10:00")).slotMinutes(15).build();

        assertThat(slotsOn(doctor, "2026-12-01")).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(9, 30));
    }

    @Test
    void is_free_only_exactly_at_a_listed_start() {
        Availability doctor = Schedules.in("UTC").everyDay(hours("09:00", "10:00")).build();

        assertThat(SlotGenerator.isFree(doctor, HALF_HOUR, Instant.parse("2026-12-01T09:30:00Z"), LONG_AGO,
                List.of(), List.of())).isTrue();
        assertThat(SlotGenerator.isFree(doctor, HALF_HOUR, Instant.parse("2026-12-01T09:10:00Z"), LONG_AGO,
                List.of(), List.of())).isFalse();
        assertThat(SlotGenerator.isFree(doctor, HALF_HOUR, Instant.parse("2026-12-01T10:00:00Z"), LONG_AGO,
                List.of(), List.of())).isFalse();
    }

    @Test
    void ninety_days_with_two_thousand_visits_stay_consistent() {
        Availability doctor = Schedules.in("Europe/Berlin").everyDay(hours("08:00", "20:00")).build();
        Instant first = Instant.parse("2026-12-01T07:00:00Z");
        List<TimeRange> booked = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Instant start = first.plus(Duration.ofMinutes(90L * i));
            booked.add(new TimeRange(start, start.plus(HALF_HOUR)));
        }
        TimeRange window = window("2026-12-01", "2027-03-01");

        List<Slot> slots = SlotGenerator.freeSlots(doctor, HALF_HOUR, window, LONG_AGO, booked, List.of());

        assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(booked)
                .noneMatch(visit -> visit.overlaps(new TimeRange(slot.start(), slot.end()))));
        assertThat(slots).extracting(Slot::start).isSorted().doesNotHaveDuplicates();
    }

    private static List<Slot> slotsOn(Availability availability, String date) {
        LocalDate day = LocalDate.parse(date);
        Instant from = day.atStartOfDay(availability.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(availability.zone()).toInstant();
        return SlotGenerator.freeSlots(availability, HALF_HOUR, new TimeRange(from, to), LONG_AGO, List.of(), List.of());
    }

    /** The free slots of a doctor who works Mondays from 23:00 to 01:00 UTC, between two dates (UTC midnights). */
    private static List<Instant> mondayNightShiftStarts(String fromDate, String toDate) {
        Availability nightShift = Schedules.in("UTC").on(DayOfWeek.MONDAY, hours("23:00", "01:00")).build();
        return SlotGenerator.freeSlots(nightShift, HALF_HOUR, window(fromDate, toDate), LONG_AGO, List.of(), List.of())
                .stream().map(Slot::start).toList();
    }

    private static TimeRange window(String fromDate, String toDate) {
        return new TimeRange(Instant.parse(fromDate + "T00:00:00Z"), Instant.parse(toDate + "T00:00:00Z"));
    }
}
