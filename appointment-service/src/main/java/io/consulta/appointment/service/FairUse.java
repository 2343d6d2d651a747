package io.consulta.appointment.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code consulta.limits.*}: how much of the doctors' scarce time one patient may take (OWASP API4/API6). Rates are
 * kept per replica (see {@code RateLimiter}).
 */
@ConfigMapping(prefix = "consulta.limits")
public interface FairUse {

    /** Visits still to come that one patient may have with one doctor; one more is refused with 409. */
    @WithDefault("3")
    int upcomingVisitsPerDoctor();

    /** Holds per patient: each one hides a slot from everyone else for minutes. */
    Rate holds();

    /** Bookings per patient (replays of an Idempotency-Key do not count). */
    Rate bookings();

    interface Rate {

        @WithDefault("10")
        int permits();

        @WithDefault("PT10M")
        Duration per();
    }
}
