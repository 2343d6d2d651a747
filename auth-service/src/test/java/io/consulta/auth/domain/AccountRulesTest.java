package io.consulta.auth.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRulesTest {

    @Test
    void doctorsMoveFromPendingToApprovedOrRejected() {
        assertThat(AccountStatus.PENDING.approve()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(AccountStatus.PENDING.reject()).isEqualTo(AccountStatus.REJECTED);
        assertThat(AccountStatus.REJECTED.approve()).as("a rejection can be reconsidered").isEqualTo(AccountStatus.ACTIVE);
        assertThatThrownBy(AccountStatus.ACTIVE::approve).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(AccountStatus.ACTIVE::reject).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(AccountStatus.DISABLED::approve).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(AccountStatus.DISABLED::disable).isInstanceOf(IllegalTransitionException.class);
        assertThat(AccountStatus.PENDING.disable()).isEqualTo(AccountStatus.DISABLED);
    }

    @Test
    void passwordsFollowTheRealmPolicy() {
        assertThat(PasswordPolicy.violations("Sunny-Day-2026", "a@b.org")).isEmpty();
        assertThat(PasswordPolicy.violations("short", "a@b.org")).contains("must have at least 10 characters",
                "must contain an upper-case letter", "must contain a digit");
        assertThat(PasswordPolicy.violations("ALLUPPER2026", "a@b.org")).containsExactly("must contain a lower-case letter");
        assertThat(PasswordPolicy.violations("Ana.Lima2026@x.org", "ana.lima2026@x.org"))
                .containsExactly("must not be your e-mail address");
        assertThat(PasswordPolicy.violations(null, "a@b.org")).containsExactly("is required");
    }

    @Test
    void onlyThePatientAndTheirDoctorsSeeAPatientAndAdminsSeeAccountState() {
        assertThat(PatientAccess.of("p1", false, false, "p1", false)).isEqualTo(PatientAccess.Level.FULL);
        assertThat(PatientAccess.of("p2", false, false, "p1", false)).isEqualTo(PatientAccess.Level.NONE);
        assertThat(PatientAccess.of("d1", true, false, "p1", true)).isEqualTo(PatientAccess.Level.FULL);
        assertThat(PatientAccess.of("d2", true, false, "p1", false)).isEqualTo(PatientAccess.Level.NONE);
        assertThat(PatientAccess.of("a1", false, true, "p1", false)).isEqualTo(PatientAccess.Level.ACCOUNT_STATE);
    }

    @Test
    void searchInputIsNormalisedAndNeverARegex() {
        assertThat(Names.searchable("  Dr. HOUSE ")).isEqualTo("dr. house");
        assertThat(java.util.regex.Pattern.compile(Names.containsPattern(".*")).matcher("anything").find()).isFalse();
        assertThat(java.util.regex.Pattern.compile(Names.containsPattern("Dr. H")).matcher("gregory dr. house").find())
                .isTrue();
        assertThat(Names.firstName("Maria da Graça Silva")).isEqualTo("Maria");
        assertThat(Names.lastName("Maria da Graça Silva")).isEqualTo("da Graça Silva");
        assertThat(Names.lastName("Cher")).isEmpty();
    }
}
