package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
    void typingIsForwardedOncePerIntervalPerConversation() {
        TypingThrottle throttle = new TypingThrottle(Duration.ofSeconds(2));
        assertThat(throttle.allow("c1", 0)).isTrue();
        assertThat(throttle.allow("c1", SECOND)).isFalse();
        assertThat(throttle.allow("c2", SECOND)).isTrue();
        assertThat(throttle.allow("c1", 2 * SECOND)).isTrue();
    }
}
