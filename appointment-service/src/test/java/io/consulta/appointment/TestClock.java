package io.consulta.appointment;

import io.consulta.appointment.store.TimeSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: real time, moved forward on demand (visits that began, holds that ran out). */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends TimeSource {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return Instant.now().plus(ahead.get());
    }

    public void travel(Duration forward) {
        ahead.updateAndGet(current -> current.plus(forward));
    }

    public void reset() {
        ahead.set(Duration.ZERO);
    }
}
