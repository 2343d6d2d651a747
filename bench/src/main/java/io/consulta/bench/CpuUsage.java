package io.consulta.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time each process spent during a phase, and the machine's load average, so a figure measured on a busy shared
 * machine can be told apart from one limited by the code under test.
 */
public final class CpuUsage {

    private final Map<String, Long> pids;
    private final Map<String, Duration> before = new LinkedHashMap<>();
    private final double loadBefore;

    private CpuUsage(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> before.put(name, cpu(pid)));
        loadBefore = loadAverage();
    }

    /** Starts measuring the given processes (name → pid) and this JVM, the load generator. */
    public static CpuUsage start(Map<String, Long> processes) {
        Map<String, Long> pids = new LinkedHashMap<>(processes);
        pids.put("load generator", ProcessHandle.current().pid());
        return new CpuUsage(pids);
    }

    public void print(PrintStream out, Duration elapsed, long requests) {
        StringBuilder line = new StringBuilder("CPU used in the phase:");
        pids.forEach((name, pid) -> {
            Duration used = cpu(pid).minus(before.get(name));
            line.append(String.format(Locale.ROOT, " %s %.1f s (%.0f%% of a core, %.2f ms/request);", name,
                    used.toMillis() / 1000.0, 100.0 * used.toNanos() / elapsed.toNanos(),
                    requests == 0 ? 0 : used.toNanos() / 1e6 / requests));
        });
        out.println(line);
        out.printf(Locale.ROOT, "Machine: %d cores, load average %.1f before, %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
