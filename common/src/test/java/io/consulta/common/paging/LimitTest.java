package io.consulta.common.paging;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LimitTest {

    @Test
    void anAbsentLimitIsTheDefault() {
        assertThat(Limit.parse(null, 20, 100)).isEqualTo(20);
        assertThat(Limit.parse("  ", 20, 100)).isEqualTo(20);
    }

    @Test
    void aWholeNumberInRangeIsTaken() {
        assertThat(Limit.parse("1", 20, 100)).isEqualTo(1);
        assertThat(Limit.parse(" 100 ", 20, 100)).isEqualTo(100);
    }

    @Test
    void anythingElseIsOneFieldErrorThatDoesNotEchoTheInput() {
        for (String raw : new String[]{"0", "101", "-5", "ten", "2.5", "99999999999999999999", "1e2"}) {
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> Limit.parse(raw, 20, 100));
            assertThat(refused.errors()).as(raw)
                    .containsExactly(new FieldError("limit", "must be a whole number between 1 and 100"));
        }
        String huge = "9".repeat(500);
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> Limit.parse(huge, 20, 100)).getMessage())
                .doesNotContain(huge).hasSizeLessThan(80);
    }
}
