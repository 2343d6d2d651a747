package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import static io.consulta.chat.domain.OpeningRules.Decision.AS_DOCTOR;
import static io.consulta.chat.domain.OpeningRules.Decision.AS_PATIENT;
import static io.consulta.chat.domain.OpeningRules.Decision.NO_CARE_RELATIONSHIP;
import static io.consulta.chat.domain.OpeningRules.Decision.SELF;
import static io.consulta.chat.domain.OpeningRules.Decision.WRONG_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

class OpeningRulesTest {

    @Test
    void aPatientOpensWithTheirDoctorAndADoctorWithTheirPatient() {
        assertThat(OpeningRules.decide("pat", true, false, "doc", null, true)).isEqualTo(AS_PATIENT);
        assertThat(OpeningRules.decide("doc", false, true, null, "pat", true)).isEqualTo(AS_DOCTOR);
    }

    @Test
    void withoutACareRelationshipNobodyOpens() {
        assertThat(OpeningRules.decide("pat", true, false, "doc", null, false)).isEqualTo(NO_CARE_RELATIONSHIP);
        assertThat(OpeningRules.decide("doc", false, true, null, "pat", false)).isEqualTo(NO_CARE_RELATIONSHIP);
    }

    @Test
    void theCounterpartMustMatchTheCallersRole() {
        assertThat(OpeningRules.decide("pat", true, false, null, "other", true)).isEqualTo(WRONG_ROLE);
        assertThat(OpeningRules.decide("doc", false, true, "other", null, true)).isEqualTo(WRONG_ROLE);
        assertThat(OpeningRules.decide("pat", true, false, "doc", "pat2", true)).isEqualTo(WRONG_ROLE);
        assertThat(OpeningRules.decide("pat", true, false, null, null, true)).isEqualTo(WRONG_ROLE);
    }

    @Test
    void adminsDoNotChat() {
        assertThat(OpeningRules.decide("adm", false, false, "doc", null, true)).isEqualTo(WRONG_ROLE);
    }

    @Test
    void nobodyTalksToThemselves() {
        assertThat(OpeningRules.decide("both", true, true, "both", null, true)).isEqualTo(SELF);
    }
}
