package io.consulta.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies of one load phase, overall and per request kind, in HdrHistogram (microsecond resolution, 3 significant
 * digits). Safe to record from many threads. Failed requests are counted apart, and their latency is not recorded, so a
 * fast error page cannot make the percentiles look better.
 */
public final class Percentiles {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1_000;

    private final Histogram all = histogram();
    private final ConcurrentMap<String, Histogram> byKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> firstErrorByKind = new ConcurrentHashMap<>();
    private volatile long startedNanos = System.nanoTime();
    private volatile long endedNanos;

    /** A latency goal such as "p99 under 50 ms", judged on all successful requests of the phase. */
    public record Target(double percentile, Duration below) {

        public static Target p99Below(Duration below) {
            return new Target(99.0, below);
        }

        boolean metBy(Histogram histogram, long errors) {
            return errors == 0 && histogram.getTotalCount() > 0
                    && histogram.getValueAtPercentile(percentile) < below.toNanos() / 1_000;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p%s < %d ms", trim(percentile), below.toMillis());
        }
    }

    public void record(String kind, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1_000));
        all.recordValue(micros);
        byKind.computeIfAbsent(kind, k -> histogram()).recordValue(micros);
    }

    public void error(String kind, String what) {
        errorsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        firstErrorByKind.putIfAbsent(kind, what);
    }

    void started() {
        startedNanos = System.nanoTime();
    }

    void ended() {
        endedNanos = System.nanoTime();
    }

    public long count() {
        return all.getTotalCount();
    }

    public long errors() {
        return errorsByKind.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Duration elapsed() {
        long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
        return Duration.ofNanos(end - startedNanos);
    }

    public double throughputPerSecond() {
        return (count() + errors()) / (elapsed().toNanos() / 1e9);
    }

    public double percentileMillis(double percentile) {
        return all.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** Prints the table (overall first, then each kind) and, if a target is given, whether it was met. */
    public boolean print(PrintStream out, String title, Target target) {
        out.printf(Locale.ROOT, "%n%s: %d requests in %.1f s = %.0f req/s, %d errors%n", title, count() + errors(),
                elapsed().toNanos() / 1e9, throughputPerSecond(), errors());
        out.printf("%-22s %9s %8s %8s %8s %8s %8s%n", "kind", "count", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        row(out, "all", all, errors());
        new TreeMap<>(byKind).forEach((kind, histogram) -> row(out, kind, histogram, errorsOf(kind)));
        errorsByKind.keySet().stream().filter(kind -> !byKind.containsKey(kind)).sorted()
                .forEach(kind -> row(out, kind, histogram(), errorsOf(kind)));
        new TreeMap<>(firstErrorByKind).forEach((kind, what) -> out.printf("  first error in %s: %s%n", kind, what));
        if (target == null) {
            return true;
        }
        boolean met = target.metBy(all, errors());
        out.printf(Locale.ROOT, "%nTarget %s (no errors): %s (p%s = %.1f ms)%n", target, met ? "PASS" : "FAIL",
                trim(target.percentile()), percentileMillis(target.percentile()));
        return met;
    }

    private long errorsOf(String kind) {
        AtomicLong errors = errorsByKind.get(kind);
        return errors == null ? 0 : errors.get();
    }

    private static void row(PrintStream out, String kind, Histogram h, long errors) {
        String label = errors == 0 ? kind : kind + " (" + errors + " err)";
        if (h.getTotalCount() == 0) {
            out.printf("%-22s %9d %8s %8s %8s %8s %8s%n", label, 0, "-", "-", "-", "-", "-");
            return;
        }
        out.printf(Locale.ROOT, "%-22s %9d %8.1f %8.1f %8.1f %8.1f %8.1f%n", label, h.getTotalCount(),
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1_000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1_000.0;
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(HIGHEST_MICROS, 3);
    }

    private static String trim(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }
}
