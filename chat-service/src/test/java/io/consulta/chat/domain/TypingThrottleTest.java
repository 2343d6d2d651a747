package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TypingThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void typingIsForwardedOncePerIntervalPerConversation() {
        TypingThrottle throttle = new TypingThrottle(Duration.ofSeconds(2));
        assertThat(throttle.allow("c1", 0)).isTrue();
        assertThat(throttle.allow("c1", SECOND)).isFalse();
        assertThat(throttle.allow("c2", SECOND)).isTrue();
        assertThat(throttle.allow("c1", 2 * SECOND)).isTrue();
    }
}
