package io.consulta.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlotClaimsTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void a_visit_claims_each_five_minutes_for_the_doctor_with_buffers_and_for_the_patient_without() {
        TimeRange visit = new TimeRange(NINE, NINE.plus(Duration.ofMinutes(30)));

        List<String> claims = SlotClaims.of("dr", visit.widen(Duration.ofMinutes(10), Duration.ZERO), "pat", visit);

        assertThat(claims).filteredOn(claim -> claim.startsWith("doctor:dr:")).hasSize(8);
        assertThat(claims).filteredOn(claim -> claim.startsWith("patient:pat:")).hasSize(6);
        assertThat(claims).doesNotHaveDuplicates();
    }

    @Test
    void overlapping_visits_share_a_claim_and_adjacent_ones_do_not() {
        List<String> nineToHalfPast = claims("dr", "a", NINE, 30);
        List<String> quarterPast = claims("dr", "b", NINE.plus(Duration.ofMinutes(15)), 30);
        List<String> halfPast = claims("dr", "c", NINE.plus(Duration.ofMinutes(30)), 30);
        List<String> otherDoctorSamePatient = claims("dr2", "a", NINE.plus(Duration.ofMinutes(20)), 30);

        assertThat(shared(nineToHalfPast, quarterPast)).isTrue();
        assertThat(shared(nineToHalfPast, halfPast)).isFalse();
        assertThat(shared(nineToHalfPast, otherDoctorSamePatient)).isTrue();
    }

    @Test
    void a_released_visit_keeps_one_claim_of_its_own() {
        assertThat(SlotClaims.released("a1")).containsExactly("released:a1");
    }

    private static List<String> claims(String doctor, String patient, Instant start, int minutes) {
        TimeRange visit = new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
        return SlotClaims.of(doctor, visit, patient, visit);
    }

    private static boolean shared(List<String> a, List<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return !common.isEmpty();
    }
}
