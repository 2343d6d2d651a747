package io.consulta.appointment.service;

import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.TimeSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/** Drops holds that ran out, so the slots they claimed are free in the index too (no TTL index: see design §2). */
@ApplicationScoped
@RequiredArgsConstructor
public class HoldSweeper {

    private final AppointmentRepository appointments;
    private final TimeSource time;

    @Scheduled(every = "${consulta.holds.sweep-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        appointments.dropExpiredHolds(time.now());
    }
}
