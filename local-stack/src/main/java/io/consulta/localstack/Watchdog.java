package io.consulta.localstack;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Tells the user when a process of the stack dies on its own. Ctrl-C in a terminal sends SIGINT to every process of
 * the stack at once, so children may exit a moment before the launcher's own shutdown begins: a death is reported
 * only if the stack is still not stopping {@code settle} later.
 */
final class Watchdog {

    private final List<ManagedProcess> processes;
    private final BooleanSupplier stopping;
    private final Consumer<String> alarm;
    private final Duration settle;
    private final Set<ManagedProcess> reported = new HashSet<>();

    Watchdog(List<ManagedProcess> processes, BooleanSupplier stopping, Consumer<String> alarm, Duration settle) {
        this.processes = List.copyOf(processes);
        this.stopping = stopping;
        this.alarm = alarm;
        this.settle = settle;
    }

    void checkOnce() {
        if (stopping.getAsBoolean()) {
            return;
        }
        List<ManagedProcess> dead = processes.stream().filter(p -> !reported.contains(p) && p.hasExited()).toList();
        if (dead.isEmpty()) {
            return;
        }
        ManagedProcess.sleep(settle.toMillis());
        if (stopping.getAsBoolean()) {
            return;
        }
        for (ManagedProcess process : dead) {
            reported.add(process);
            alarm.accept("! " + process.name() + " stopped unexpectedly (exit code " + process.exitCode() + "); see "
                    + process.logFile());
        }
    }
}
