package io.consulta.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Stops the stack within {@link #BUDGET} (plus a moment for SIGKILLs to land: under 15 s): services first (in parallel), then the infrastructure; whatever has not
 * exited by its deadline is killed. A service JVM that writes its AOT cache on this first stop after a build needs
 * about a minute for it; it is told so and left to finish in the background rather than killed half-way (a killed
 * writer leaves no cache, and every later stop would pay again).
 */
final class Shutdown {

    static final Duration BUDGET = Duration.ofSeconds(12);
    static final Duration SERVICES_SHARE = Duration.ofSeconds(7);

    private Shutdown() {
    }

    /** Returns the processes left running to finish their startup cache. */
    static List<ManagedProcess> stop(List<ManagedProcess> services, List<ManagedProcess> infrastructure,
                                     Consumer<String> progress) {
        long started = System.nanoTime();
        List<String> writers = services.stream().filter(s -> s.pid() > 0 && s.writesStartupCacheOnExit())
                .map(ManagedProcess::name).toList();
        if (!writers.isEmpty()) {
            progress.accept("  " + String.join(", ", writers) + ": writing startup caches (first stop after a build, "
                    + "about a minute); they finish in the background and make the next start faster");
        }
        List<ManagedProcess> spared = stopAll(services, started + SERVICES_SHARE.toNanos(), true);
        progress.accept("  services stopped; stopping Keycloak, Kafka and MongoDB");
        stopAll(infrastructure.reversed(), started + BUDGET.toNanos(), false);
        spared.forEach(process -> progress.accept("  " + process.name() + " is still writing its startup cache (pid "
                + process.pid() + "); it exits by itself"));
        return spared;
    }

    private static List<ManagedProcess> stopAll(List<ManagedProcess> processes, long deadlineNanos,
                                                boolean spareCacheWriters) {
        List<ManagedProcess> spared = Collections.synchronizedList(new ArrayList<>());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            processes.forEach(process -> executor.submit(() -> {
                if (process.stopBy(deadlineNanos, spareCacheWriters)) {
                    spared.add(process);
                }
            }));
        }
        return List.copyOf(spared);
    }
}
