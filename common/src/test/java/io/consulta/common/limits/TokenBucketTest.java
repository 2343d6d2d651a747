package io.consulta.common.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenTheSustainedRate() {
        TokenBucket bucket = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(0)).isTrue();
        }
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(SECOND / 10)).isTrue();
        assertThat(bucket.tryTake(SECOND / 10)).isFalse();
    }

    @Test
    void refillsUpToTheBurstOnly() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        long later = 60 * SECOND;
        int taken = 0;
        while (bucket.tryTake(later)) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }

    @Test
    void aRefusedTakeSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = TokenBucket.refilling(5, Duration.ofMinutes(1), 1, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(3 * SECOND)).isFalse();

        assertThat(bucket.nanosUntilNext()).isCloseTo(9 * SECOND, within(1L));
    }
}
