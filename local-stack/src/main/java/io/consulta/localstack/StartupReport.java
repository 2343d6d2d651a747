package io.consulta.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
                ManagedProcess service = process(config, spec);
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
        printServiceTargets(out, alone);
    }

    private static void printServiceTargets(PrintStream out, List<Row> services) {
        boolean fast = services.stream().allMatch(r -> r.readyMillis() < SERVICE_READY_TARGET_MS);
        boolean lean = services.stream().allMatch(r -> r.rssMegabytes() < SERVICE_RSS_TARGET_MB);
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

    /** One measured start of a service: time to ready, resident memory then, and CPU time the JVM used until then. */
    private record Start(String name, long readyMillis, long rssMegabytes, long cpuMillis) {
    }

    /**
     * Phase 2 only ({@code bench/startup --alone[=auth-service,...] [--runs=N] [--baseline=DIR]}): with the
     * infrastructure up, starts each named service (default: all) {@code runs} times and prints every start and the
     * medians. A service whose startup cache is missing or older than its jar is first started once, unmeasured, to
     * record it. With a baseline (another checkout's built services, e.g. before a change), each run starts the
     * baseline's service and then this checkout's, so both are measured under the same load; the baseline's caches,
     * work folders and logs are kept under this checkout's data folder ({@code baseline/}).
     */
    static void runAlone(StackConfig config, List<String> names, int runs, Optional<Path> baseline, PrintStream out) {
        List<ServiceSpec> chosen = names.isEmpty() ? config.services()
                : names.stream().map(name -> config.services().stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow(() -> new StackException("no service named " + name))).toList();
        Map<String, StackConfig> builds = new LinkedHashMap<>();
        baseline.ifPresent(root -> builds.put("baseline", new StackConfig(root.toAbsolutePath().normalize(),
                config.dataDir().resolve("baseline"), config.persistent(), config.services(),
                config.serviceEnvironment(), config.serviceJvmOptions(), config.timeout())));
        builds.put("", config);
        List<Start> medians = new ArrayList<>();
        try (Stack infrastructure = Stack.start(config.withServices(List.of()), event -> { })) {
            for (ServiceSpec spec : chosen) {
                Map<String, List<Start>> starts = new LinkedHashMap<>();
                builds.forEach((label, build) -> {
                    String name = shownName(spec, label);
                    if (recordStartupCache(build, spec)) {
                        out.println("(" + name + ": startup cache recorded by an unmeasured start)");
                    }
                    starts.put(name, new ArrayList<>());
                });
                for (int run = 0; run < runs; run++) {
                    builds.forEach((label, build) -> starts.get(shownName(spec, label)).add(startAndStop(build, spec)));
                }
                starts.forEach((name, measured) -> {
                    out.printf(Locale.ROOT, "%-33s ready (s): %s   CPU until ready (s): %s%n", name,
                            seconds(measured.stream().mapToLong(Start::readyMillis)),
                            seconds(measured.stream().mapToLong(Start::cpuMillis)));
                    medians.add(new Start(name, median(measured.stream().mapToLong(Start::readyMillis)),
                            median(measured.stream().mapToLong(Start::rssMegabytes)),
                            median(measured.stream().mapToLong(Start::cpuMillis))));
                });
            }
        }
        out.printf("%nMedian of %d starts each, infrastructure already up:%n", runs);
        out.printf("%-33s %10s %10s %16s%n", "service", "ready (s)", "RSS (MB)", "CPU until ready");
        for (Start row : medians) {
            out.printf(Locale.ROOT, "%-33s %10.2f %10d %14.2f s%n", row.name(), row.readyMillis() / 1000.0,
                    row.rssMegabytes(), row.cpuMillis() / 1000.0);
        }
        printServiceTargets(out, medians.stream().filter(row -> !row.name().endsWith(")"))
                .map(row -> new Row(row.name(), row.readyMillis(), row.rssMegabytes())).toList());
    }

    /** This checkout's build by its name, another build (the baseline) labelled. */
    private static String shownName(ServiceSpec spec, String buildLabel) {
        return buildLabel.isEmpty() ? spec.name() : spec.name() + " (" + buildLabel + ")";
    }

    /** Starts the service once, unmeasured, if its startup cache must be recorded; waits for the cache. */
    private static boolean recordStartupCache(StackConfig config, ServiceSpec spec) {
        ManagedProcess service = process(config, spec);
        if (!service.writesStartupCacheOnExit()) {
            return false;
        }
        service.start();
        try {
            service.awaitReady(Duration.ofMinutes(2));
        } finally {
            service.stopBy(System.nanoTime() + Duration.ofMinutes(3).toNanos(), false);
        }
        return true;
    }

    private static Start startAndStop(StackConfig config, ServiceSpec spec) {
        ManagedProcess service = process(config, spec);
        service.start();
        try {
            service.awaitReady(Duration.ofMinutes(2));
            long cpuMillis = ProcessHandle.of(service.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toMillis).orElse(-1L);
            return new Start(spec.name(), service.readyMillis(), service.rssMegabytes(), cpuMillis);
        } finally {
            // a jar rebuilt meanwhile makes this start record the cache again: let it finish writing
            service.stopBy(System.nanoTime() + Duration.ofSeconds(service.writesStartupCacheOnExit() ? 180 : 15)
                    .toNanos(), false);
        }
    }

    private static String seconds(java.util.stream.LongStream millis) {
        return String.join(" ", millis.mapToObj(m -> String.format(Locale.ROOT, "%.2f", m / 1000.0)).toList());
    }

    private static ManagedProcess process(StackConfig config, ServiceSpec spec) {
        return spec.process(config.root(), config.dataDir(),
                config.dataDir().resolve("logs").resolve(spec.name() + ".log"), config.environmentFor(spec),
                config.serviceJvmOptions());
    }

    private static long median(java.util.stream.LongStream values) {
        long[] sorted = values.sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void print(PrintStream out, List<Row> rows) {
        out.printf("%-22s %12s %10s%n", "component", "ready (s)", "RSS (MB)");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-22s %12.2f %10d%n", row.name(), row.readyMillis() / 1000.0, row.rssMegabytes());
        }
    }
}
