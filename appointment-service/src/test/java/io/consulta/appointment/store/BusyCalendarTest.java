package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar's own rules, with the store replaced by lists: what a poll applies, and what it forgets. */
class BusyCalendarTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final TimeRange DAY = new TimeRange(NOW, NOW.plus(Duration.ofDays(1)));
    private static final TimeRange NINE = new TimeRange(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(90)));
    private static final TimeRange TEN = new TimeRange(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofMinutes(150)));

    private final StoredCalendar visits = new StoredCalendar();

    @Test
    void a_poll_brings_other_replicas_bookings_and_cancellations_into_a_held_doctor() {
        BusyCalendar calendar = new BusyCalendar(visits, Duration.ofMinutes(10));
        visits.stored.add(new BusyCalendar.Busy("v-9", NINE, null));
        assertThat(calendar.busy("dr-1", DAY, NOW, null)).containsExactly(NINE);

        visits.changes.add(new AppointmentRepository.Change("dr-1", new BusyCalendar.Busy("v-10", TEN, null), true));
        visits.changes.add(new AppointmentRepository.Change("dr-1", new BusyCalendar.Busy("v-9", NINE, null), false));
        calendar.poll();

        assertThat(calendar.busy("dr-1", DAY, NOW, null)).containsExactly(TEN);
        assertThat(visits.loads.get()).as("applied from the poll, not read again").isEqualTo(1);
    }

    @Test
    void a_doctor_nobody_asked_about_for_the_reload_time_is_forgotten_and_read_again_when_asked() {
        AtomicLong nanos = new AtomicLong();
        BusyCalendar calendar = new BusyCalendar(visits, Duration.ofMillis(50), nanos::get);
        visits.stored.add(new BusyCalendar.Busy("v-9", NINE, null));
        calendar.busy("dr-1", DAY, NOW, null);
        nanos.addAndGet(Duration.ofMillis(80).toNanos());

        calendar.poll();
        visits.stored.add(new BusyCalendar.Busy("v-10", TEN, null));

        assertThat(calendar.busy("dr-1", DAY, NOW, null)).containsExactly(NINE, TEN);
        assertThat(visits.loads.get()).isEqualTo(2);
    }

    @Test
    void taken_times_come_back_in_start_order_and_an_expired_hold_no_longer_counts() {
        BusyCalendar calendar = new BusyCalendar(visits, Duration.ofMinutes(10));
        visits.stored.add(new BusyCalendar.Busy("v-10", TEN, null));
        visits.stored.add(new BusyCalendar.Busy("h-9", NINE, NOW.minusSeconds(1)));
        visits.stored.add(new BusyCalendar.Busy("v-9", NINE, null));

        assertThat(calendar.busy("dr-1", DAY, NOW, null)).containsExactly(NINE, TEN);
        assertThat(calendar.busy("dr-1", DAY, NOW, "v-9")).as("a visit being moved leaves its own time free")
                .containsExactly(TEN);
    }

    /** The store as the calendar reads it, without time off. */
    private static final class StoredCalendar implements CalendarStore {

        final List<BusyCalendar.Busy> stored = new ArrayList<>();
        final List<AppointmentRepository.Change> changes = new ArrayList<>();
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public List<BusyCalendar.Busy> busyFrom(String doctorId, Instant since) {
            loads.incrementAndGet();
            return List.copyOf(stored);
        }

        @Override
        public List<AppointmentRepository.Change> changedSince(Instant since) {
            return List.copyOf(changes);
        }

        @Override
        public List<TimeRange> timeOffEndingAfter(String doctorId, Instant instant) {
            return List.of();
        }

        @Override
        public List<TimeOff> timeOffCreatedSince(Instant since) {
            return List.of();
        }
    }
}
