package io.consulta.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SettleTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong cpu = new AtomicLong();

    /** Each sleep advances the clock by the window and the CPU by the next of the given core loads. */
    private Settle settleWith(double... coresPerWindow) {
        int[] next = {0};
        return new Settle(cpu::get, clock::get, window -> {
            double cores = coresPerWindow[Math.min(next[0]++, coresPerWindow.length - 1)];
            clock.addAndGet(window.toNanos());
            cpu.addAndGet((long) (window.toNanos() * cores));
        });
    }

    @Test
    void waitsUntilAWindowUsesLessThanTheAllowedCores() throws InterruptedException {
        Duration waited = settleWith(1.6, 0.9, 0.1).await(Duration.ofSeconds(1), 0.2, Duration.ofSeconds(30));

        assertThat(waited).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void returnsAtOnceAfterOneWindowWhenAlreadyQuiet() throws InterruptedException {
        Duration waited = settleWith(0.05).await(Duration.ofSeconds(1), 0.2, Duration.ofSeconds(30));

        assertThat(waited).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAtTheLimitWhenTheProcessesStayBusy() throws InterruptedException {
        Duration waited = settleWith(2.0).await(Duration.ofSeconds(1), 0.2, Duration.ofSeconds(5));

        assertThat(waited).isEqualTo(Duration.ofSeconds(5));
    }
}
