package io.consulta.appointment.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The current time, as one bean so that tests can move it (visits that have begun, reminders that fall due). */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }
}
