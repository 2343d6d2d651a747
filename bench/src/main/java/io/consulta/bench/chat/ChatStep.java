package io.consulta.bench.chat;

import lombok.RequiredArgsConstructor;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One load step at a fixed offered rate. Latencies are measured from the moment a message was due to be sent (not
 * when the load generator got round to it), so a stalled generator or server cannot hide its queueing delay.
 */
@RequiredArgsConstructor
final class ChatStep {

    private static final long MAX_MICROS = 120_000_000L;

    final int id;
    final String name;
    final int rate;
    final long seconds;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong deliveredInWindow = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final Histogram delivery = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram ack = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    /** Worst delivery latency per second of the step (microseconds), to tell a steady tail from a one-off stall. */
    final java.util.concurrent.atomic.AtomicLongArray worstPerSecond = new java.util.concurrent.atomic.AtomicLongArray(3600);
    volatile long windowStart;
    volatile long windowEnd = Long.MAX_VALUE;

    void delivered(long number, long dueNanos, long now) {
        if (!seen.add(number)) {
            duplicates.incrementAndGet();
            return;
        }
        delivered.incrementAndGet();
        if (now >= windowStart && now <= windowEnd) {
            deliveredInWindow.incrementAndGet();
        }
        long micros = Math.max(1, Math.min(MAX_MICROS, (now - dueNanos) / 1_000));
        delivery.recordValue(micros);
        int second = (int) Math.min(worstPerSecond.length() - 1, Math.max(0, (dueNanos - windowStart) / 1_000_000_000L));
        worstPerSecond.accumulateAndGet(second, micros, Math::max);
    }

    String timeline() {
        StringBuilder line = new StringBuilder("worst latency per second (ms):");
        for (int i = 0; i < seconds; i++) {
            line.append(' ').append(worstPerSecond.get(i) / 1000);
        }
        return line.toString();
    }

    void acked(long dueNanos, long now) {
        ack.recordValue(Math.max(1, Math.min(MAX_MICROS, (now - dueNanos) / 1_000)));
    }

    void error(String frame) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, frame);
    }

    double deliveredPerSecond() {
        return deliveredInWindow.get() / (double) seconds;
    }

    double p99Millis() {
        return delivery.getValueAtPercentile(99) / 1000.0;
    }

    /** Sent in the step but not delivered by the end of its 15 s drain. */
    long lost() {
        return sent.get() - delivered.get();
    }

    static void header(PrintStream out) {
        out.printf("%-8s %8s %10s %10s %8s %8s %8s %8s %8s %6s %6s%n", "step", "offered", "sent/s", "delivered/s",
                "p50 ms", "p90 ms", "p99 ms", "p99.9", "max ms", "late", "dup");
    }

    void row(PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %8d %10.0f %10.0f %8.1f %8.1f %8.1f %8.1f %8.1f %6d %6d%n", name, rate,
                sent.get() / (double) seconds, deliveredPerSecond(), ms(delivery, 50), ms(delivery, 90),
                ms(delivery, 99), ms(delivery, 99.9), delivery.getMaxValue() / 1000.0, lost(), duplicates.get());
    }

    String ackSummary() {
        return String.format(Locale.ROOT, "send→ack (stored) p50 %.1f ms, p99 %.1f ms, max %.1f ms", ms(ack, 50),
                ms(ack, 99), ack.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
