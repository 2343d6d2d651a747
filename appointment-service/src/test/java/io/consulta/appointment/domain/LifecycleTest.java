package io.consulta.appointment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    private static final Instant VISIT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant BEFORE = VISIT.minusSeconds(3600);
    private static final Instant AFTER = VISIT.plusSeconds(600);

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "BOOKED, RESCHEDULE, BOOKED",
            "BOOKED, CANCEL, CANCELLED",
            "BOOKED, CHECK_IN, ARRIVED",
            "BOOKED, START, ARRIVED",
            "ARRIVED, START, ARRIVED",
            "ARRIVED, COMPLETE, FULFILLED",
            "BOOKED, NO_SHOW, NOSHOW"})
    void allowed_transitions(AppointmentStatus from, VisitAction action, AppointmentStatus to) {
        assertThat(Lifecycle.next(from, action, false, VISIT, AFTER)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @CsvSource({
            "CANCELLED, CANCEL", "CANCELLED, RESCHEDULE", "CANCELLED, CHECK_IN", "CANCELLED, COMPLETE",
            "FULFILLED, CANCEL", "FULFILLED, RESCHEDULE", "FULFILLED, NO_SHOW", "FULFILLED, START",
            "NOSHOW, CHECK_IN", "NOSHOW, COMPLETE", "NOSHOW, CANCEL",
            "ARRIVED, CHECK_IN", "ARRIVED, CANCEL", "ARRIVED, RESCHEDULE", "ARRIVED, NO_SHOW",
            "BOOKED, COMPLETE"})
    void illegal_transitions_are_refused(AppointmentStatus from, VisitAction action) {
        assertThatThrownBy(() -> Lifecycle.next(from, action, false, VISIT, AFTER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("A " + from.code() + " appointment cannot be");
    }

    @Test
    void a_visit_is_started_once() {
        assertThatThrownBy(() -> Lifecycle.next(AppointmentStatus.ARRIVED, VisitAction.START, true, VISIT, AFTER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already been started");
    }

    @Test
    void a_no_show_waits_for_the_visit_time() {
        assertThatThrownBy(() -> Lifecycle.next(AppointmentStatus.BOOKED, VisitAction.NO_SHOW, false, VISIT, BEFORE))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("once the visit should have begun");
    }

    @Test
    void statuses_are_written_as_fhir_codes() {
        assertThat(AppointmentStatus.NOSHOW.code()).isEqualTo("noshow");
        assertThat(AppointmentStatus.fromCode("fulfilled")).isEqualTo(AppointmentStatus.FULFILLED);
        assertThatThrownBy(() -> AppointmentStatus.fromCode("done")).hasMessageContaining("booked, arrived");
    }
}
