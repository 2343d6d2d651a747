package io.consulta.notes.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClientRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenOneRequestPerRefillPerClient() {
        ClientRateLimit limit = new ClientRateLimit(60, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryTake("10.0.0.1", 0)).isEmpty();
        }
        assertThat(limit.tryTake("10.0.0.1", 0).getAsLong()).isCloseTo(SECOND, within(1_000L));
        assertThat(limit.tryTake("10.0.0.2", 0)).as("another client has its own bucket").isEmpty();
        assertThat(limit.tryTake("10.0.0.1", SECOND)).isEmpty();
        assertThat(limit.tryTake("10.0.0.1", SECOND + SECOND / 2).getAsLong()).isCloseTo(SECOND / 2, within(1_000L));
    }

    @Test
    void retryAfterIsWholeSecondsAndAtLeastOne() {
        assertThat(ClientRateLimit.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ClientRateLimit.retryAfter(2 * SECOND + 1)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void remembersABoundedNumberOfClients() {
        ClientRateLimit limit = new ClientRateLimit(1, 1, 2);
        assertThat(limit.tryTake("a", 0)).isEmpty();
        assertThat(limit.tryTake("a", 0)).isPresent();
        limit.tryTake("b", 0);
        limit.tryTake("c", 0);
        // "a" was the least recently used and was forgotten: it starts again with a full bucket
        assertThat(limit.tryTake("a", 0)).isEmpty();
    }
}
