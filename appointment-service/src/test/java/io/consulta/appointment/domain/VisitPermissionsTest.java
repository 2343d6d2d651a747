package io.consulta.appointment.domain;

import io.consulta.appointment.domain.VisitPermissions.Party;
import io.consulta.appointment.domain.VisitPermissions.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VisitPermissionsTest {

    private static final Party PATIENT = new Party("pat", true, false);
    private static final Party DOCTOR = new Party("dr", false, true);
    private static final Party OTHER_PATIENT = new Party("pat2", true, false);
    private static final Party OTHER_DOCTOR = new Party("dr2", false, true);
    private static final Party ADMIN = new Party("adm", false, false);
    private static final Party PATIENT_ID_WITHOUT_ROLE = new Party("pat", false, false);
    private static final Instant VISIT = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration CUTOFF = Duration.ofHours(24);

    @Test
    void only_the_patient_and_the_doctor_see_a_visit() {
        assertThat(VisitPermissions.see(PATIENT, "dr", "pat")).isEqualTo(Verdict.ALLOWED);
        assertThat(VisitPermissions.see(DOCTOR, "dr", "pat")).isEqualTo(Verdict.ALLOWED);
        assertThat(VisitPermissions.see(OTHER_PATIENT, "dr", "pat")).isEqualTo(Verdict.HIDDEN);
        assertThat(VisitPermissions.see(OTHER_DOCTOR, "dr", "pat")).isEqualTo(Verdict.HIDDEN);
        assertThat(VisitPermissions.see(ADMIN, "dr", "pat")).isEqualTo(Verdict.HIDDEN);
        assertThat(VisitPermissions.see(PATIENT_ID_WITHOUT_ROLE, "dr", "pat")).isEqualTo(Verdict.HIDDEN);
    }

    @Test
    void the_doctor_runs_the_visit_and_may_change_it_any_time() {
        Instant lastMinute = VISIT.minusSeconds(60);
        for (VisitAction action : VisitAction.values()) {
            assertThat(VisitPermissions.act(DOCTOR, action, "dr", "pat", VISIT, CUTOFF, lastMinute))
                    .isEqualTo(Verdict.ALLOWED);
        }
    }

    @Test
    void the_patient_may_move_or_cancel_until_the_cutoff_and_never_run_the_visit() {
        Instant twoDaysAhead = VISIT.minus(Duration.ofDays(2));
        Instant tooLate = VISIT.minus(Duration.ofHours(23));

        assertThat(VisitPermissions.act(PATIENT, VisitAction.CANCEL, "dr", "pat", VISIT, CUTOFF, twoDaysAhead))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(VisitPermissions.act(PATIENT, VisitAction.RESCHEDULE, "dr", "pat", VISIT, CUTOFF, tooLate))
                .isEqualTo(Verdict.TOO_LATE);
        assertThat(VisitPermissions.act(PATIENT, VisitAction.CHECK_IN, "dr", "pat", VISIT, CUTOFF, twoDaysAhead))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(VisitPermissions.act(PATIENT, VisitAction.COMPLETE, "dr", "pat", VISIT, CUTOFF, twoDaysAhead))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void strangers_learn_nothing_whatever_they_try() {
        Instant early = VISIT.minus(Duration.ofDays(2));
        for (VisitAction action : VisitAction.values()) {
            assertThat(VisitPermissions.act(OTHER_PATIENT, action, "dr", "pat", VISIT, CUTOFF, early)).isEqualTo(Verdict.HIDDEN);
            assertThat(VisitPermissions.act(OTHER_DOCTOR, action, "dr", "pat", VISIT, CUTOFF, early)).isEqualTo(Verdict.HIDDEN);
        }
    }
}
