package io.consulta.notes.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodeTest {

    @Test
    void carriesAtLeastEightyRandomBits() {
        assertThat(VerificationCode.BITS).isGreaterThanOrEqualTo(80);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCode.random().value();
            assertThat(code).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void isPrintedInGroupsAndReadBackAsTyped() {
        VerificationCode code = new VerificationCode("0123456789ABCDEFGHJK");
        assertThat(code.display()).isEqualTo("0123-4567-89AB-CDEF-GHJK");
        assertThat(VerificationCode.parse("0123-4567-89ab-cdef-ghjk")).contains(code);
        assertThat(VerificationCode.parse(" O123 4567 89AB CDEF GHJK")).contains(code);
        assertThat(VerificationCode.parse("0l23-4567-89AB-CDEF-GHJK")).contains(code);
    }

    @Test
    void somethingThatCannotBeACodeIsNotLookedUp() {
        assertThat(VerificationCode.parse(null)).isEmpty();
        assertThat(VerificationCode.parse("0123")).isEmpty();
        assertThat(VerificationCode.parse("0123-4567-89AB-CDEF-GHJU")).isEmpty();
        assertThat(VerificationCode.parse("x".repeat(65))).isEmpty();
    }
}
