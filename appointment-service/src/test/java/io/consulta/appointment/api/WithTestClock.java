package io.consulta.appointment.api;

import io.consulta.appointment.TestClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/** For tests that move the service's clock forward (holds that run out, visits that began): real time again after each. */
abstract class WithTestClock {

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }
}
