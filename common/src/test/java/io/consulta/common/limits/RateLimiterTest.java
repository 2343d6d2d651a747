package io.consulta.common.limits;

import io.consulta.common.domain.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter fivePerMinute = new RateLimiter(5, Duration.ofMinutes(1), 1_000, now::get);

    @Test
    void aBurstUpToThePermitsPassesAndTheNextWaitsForARefill() {
        for (int i = 0; i < 5; i++) {
            assertThat(fivePerMinute.tryAcquire("patient-1")).isEmpty();
        }

        assertThat(fivePerMinute.tryAcquire("patient-1")).hasValue(Duration.ofSeconds(12));
    }

    @Test
    void permitsComeBackEvenlyOverTime() {
        for (int i = 0; i < 5; i++) {
            fivePerMinute.tryAcquire("patient-1");
        }
        now.addAndGet(Duration.ofSeconds(12).toNanos());

        assertThat(fivePerMinute.tryAcquire("patient-1")).isEmpty();
        assertThat(fivePerMinute.tryAcquire("patient-1")).isPresent();
    }

    @Test
    void keysAreLimitedSeparately() {
        for (int i = 0; i < 5; i++) {
            fivePerMinute.tryAcquire("patient-1");
        }

        assertThat(fivePerMinute.tryAcquire("patient-2")).isEmpty();
    }

    @Test
    void acquireRefusesWithATooManyRequestsThatSaysWhatAndWhen() {
        for (int i = 0; i < 5; i++) {
            fivePerMinute.acquire("10.0.0.1", "sign-ups from this address");
        }

        assertThatThrownBy(() -> fivePerMinute.acquire("10.0.0.1", "sign-ups from this address"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(12);
                    assertThat(e.getMessage()).isEqualTo(
                            "Too many sign-ups from this address: at most 5 per minute; retry in 12 s");
                });
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(12_001))).isEqualTo(13);
    }

    @Test
    void aBurstCanBeSmallerThanTheRate() {
        RateLimiter threeAtOnceSixtyAMinute = new RateLimiter(3, 60, Duration.ofMinutes(1), 1_000, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(threeAtOnceSixtyAMinute.tryAcquire("10.0.0.1")).isEmpty();
        }

        assertThat(threeAtOnceSixtyAMinute.tryAcquire("10.0.0.1"))
                .hasValueSatisfying(wait -> assertThat(RateLimiter.retryAfterSeconds(wait)).isEqualTo(1));
        assertThat(threeAtOnceSixtyAMinute.tryAcquire("10.0.0.2")).as("another address has its own bucket").isEmpty();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(threeAtOnceSixtyAMinute.tryAcquire("10.0.0.1")).isEmpty();
        assertThat(threeAtOnceSixtyAMinute.tryAcquire("10.0.0.1")).isPresent();
    }
}
