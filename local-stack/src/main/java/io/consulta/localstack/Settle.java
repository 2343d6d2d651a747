package io.consulta.localstack;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Waits until processes that answer their readiness probe have also finished the work they do right after it
 * (Keycloak and Kafka keep compiling and loading for seconds once they accept requests). bench/startup measures a
 * service alone only after this, so that the first service it starts is not billed for the infrastructure's warm-up.
 */
final class Settle {

    private final LongSupplier cpuNanos;
    private final LongSupplier clockNanos;
    private final Sleeper sleeper;

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    Settle(LongSupplier cpuNanos, LongSupplier clockNanos, Sleeper sleeper) {
        this.cpuNanos = cpuNanos;
        this.clockNanos = clockNanos;
        this.sleeper = sleeper;
    }

    static Settle of(List<ManagedProcess> processes) {
        return new Settle(() -> processes.stream().mapToLong(Settle::cpuNanos).sum(), System::nanoTime, d -> Thread.sleep(d));
    }

    /**
     * Returns how long it waited: until one window in which the processes together used less than
     * {@code maxCores} of CPU, or {@code limit}.
     */
    Duration await(Duration window, double maxCores, Duration limit) throws InterruptedException {
        long start = clockNanos.getAsLong();
        while (clockNanos.getAsLong() - start < limit.toNanos()) {
            long cpuBefore = cpuNanos.getAsLong();
            long before = clockNanos.getAsLong();
            sleeper.sleep(window);
            double cores = (double) (cpuNanos.getAsLong() - cpuBefore) / Math.max(1, clockNanos.getAsLong() - before);
            if (cores < maxCores) {
                break;
            }
        }
        return Duration.ofNanos(clockNanos.getAsLong() - start);
    }

    private static long cpuNanos(ManagedProcess process) {
        long pid = process.pid();
        if (pid < 0) {
            return 0;
        }
        return ProcessHandle.of(pid).stream()
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }
}
