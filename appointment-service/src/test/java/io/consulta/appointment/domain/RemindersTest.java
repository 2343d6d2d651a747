package io.consulta.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RemindersTest {

    private static final Instant VISIT = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void the_first_reminder_is_a_day_before_then_an_hour_before() {
        Instant bookedWeekAhead = VISIT.minusSeconds(7 * 86400);

        assertThat(Reminders.nextAfter(VISIT, bookedWeekAhead)).hasValueSatisfying(reminder -> {
            assertThat(reminder.kind()).isEqualTo("24h");
            assertThat(reminder.at()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        });
        assertThat(Reminders.nextAfter(VISIT, Instant.parse("2026-12-01T09:00:00Z")))
                .hasValueSatisfying(reminder -> assertThat(reminder.kind()).isEqualTo("1h"));
        assertThat(Reminders.nextAfter(VISIT, Instant.parse("2026-12-02T08:00:00Z"))).isEmpty();
    }

    @Test
    void a_visit_booked_three_hours_ahead_gets_only_the_one_hour_reminder() {
        assertThat(Reminders.nextAfter(VISIT, VISIT.minusSeconds(3 * 3600)))
                .hasValueSatisfying(reminder -> assertThat(reminder.kind()).isEqualTo("1h"));
    }

    @Test
    void when_both_are_overdue_only_the_later_one_is_sent() {
        assertThat(Reminders.dueAt(VISIT, VISIT.minusSeconds(1800)))
                .hasValueSatisfying(reminder -> assertThat(reminder.kind()).isEqualTo("1h"));
        assertThat(Reminders.dueAt(VISIT, VISIT.minusSeconds(5 * 3600)))
                .hasValueSatisfying(reminder -> assertThat(reminder.kind()).isEqualTo("24h"));
    }

    @Test
    void nothing_is_due_once_the_visit_began_or_before_the_first_reminder() {
        assertThat(Reminders.dueAt(VISIT, VISIT.plusSeconds(60))).isEmpty();
        assertThat(Reminders.dueAt(VISIT, VISIT.minusSeconds(2 * 86400))).isEmpty();
    }
}
