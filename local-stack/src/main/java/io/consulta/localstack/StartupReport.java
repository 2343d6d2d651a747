package io.consulta.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The figures behind bench/startup. First the whole stack starts as {@code ./consulta start} does (everything at once,
 * caches warm); then, with the infrastructure up, each service starts alone, so its own time to ready and memory are
 * not blurred by four others competing for two cores.
 */
final class StartupReport {

    private static final long SERVICE_READY_TARGET_MS = 2_000;
    private static final long SERVICE_RSS_TARGET_MB = 250;
    private static final long STACK_READY_TARGET_MS = 60_000;

    private record Row(String name, long readyMillis, long rssMegabytes) {
    }

    private StartupReport() {
    }

    static void run(StackConfig config, PrintStream out) {
        out.println("Phase 1: whole stack, everything started together (warm caches)");
        long started = System.nanoTime();
        List<Row> wholeStack = new ArrayList<>();
        long stackMillis;
        List<ProcessHandle> cacheWriters;
        try (Stack stack = Stack.start(config, event -> { })) {
            stackMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            stack.components().forEach(c -> wholeStack.add(new Row(c.name(), c.readyMillis(), c.rssMegabytes())));
            cacheWriters = stack.components().stream().filter(ManagedProcess::writesStartupCacheOnExit)
                    .flatMap(c -> ProcessHandle.of(c.pid()).stream()).toList();
        }
        print(out, wholeStack);
        out.printf(Locale.ROOT, "%-22s %10.2f s   target < %d s: %s%n%n", "whole stack ready", stackMillis / 1000.0,
                STACK_READY_TARGET_MS / 1000, stackMillis < STACK_READY_TARGET_MS ? "MET" : "MISSED");

        out.println("Phase 2: each service alone, infrastructure already up");
        awaitStartupCaches(out, cacheWriters);
        List<Row> alone = new ArrayList<>();
        try (Stack infrastructure = Stack.start(config.withServices(List.of()), event -> { })) {
            for (ServiceSpec spec : config.services()) {
                ManagedProcess service = spec.process(config.root(), config.dataDir(),
                        config.dataDir().resolve("logs").resolve(spec.name() + ".log"), config.environmentFor(spec),
                        config.serviceJvmOptions());
                service.start();
                try {
                    service.awaitReady(Duration.ofMinutes(2));
                    alone.add(new Row(spec.name(), service.readyMillis(), service.rssMegabytes()));
                } finally {
                    service.stop(Duration.ofSeconds(15));
                }
            }
        }
        print(out, alone);
        boolean fast = alone.stream().allMatch(r -> r.readyMillis() < SERVICE_READY_TARGET_MS);
        boolean lean = alone.stream().allMatch(r -> r.rssMegabytes() < SERVICE_RSS_TARGET_MB);
        out.printf("%nservice ready < %d ms: %s; service RSS < %d MB: %s%n", SERVICE_READY_TARGET_MS,
                fast ? "MET" : "MISSED", SERVICE_RSS_TARGET_MB, lean ? "MET" : "MISSED");
    }

    /**
     * After a build, phase 1's services record their startup caches as they exit (about a minute, in the background).
     * Phase 2 measures a service with its cache warm, so it waits for them: a service started while its own cache is
     * still being written runs without one (and records it again), and the writers take the CPU it needs.
     */
    private static void awaitStartupCaches(PrintStream out, List<ProcessHandle> writers) {
        if (writers.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        for (ProcessHandle writer : writers) {
            try {
                writer.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for startup caches", e);
            } catch (ExecutionException | TimeoutException e) {
                out.println("(a startup cache writer, pid " + writer.pid() + ", is still running after 3 minutes)");
            }
        }
        out.printf(Locale.ROOT, "(waited %.1f s for %d services to finish writing their startup caches)%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, writers.size());
    }

    private static void print(PrintStream out, List<Row> rows) {
        out.printf("%-22s %12s %10s%n", "component", "ready (s)", "RSS (MB)");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-22s %12.2f %10d%n", row.name(), row.readyMillis() / 1000.0, row.rssMegabytes());
        }
    }
}
