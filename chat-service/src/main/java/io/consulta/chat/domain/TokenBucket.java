package io.consulta.chat.domain;

/**
 * Frames per second for one connection: {@code burst} frames at once, refilled at {@code perSecond}. Time is passed
 * in (nanoseconds, monotonic), so the rule is testable without sleeping. Not thread-safe: a connection's frames are
 * handled one at a time.
 */
public final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    public boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - last);
        last = nowNanos;
        tokens = Math.min(capacity, tokens + elapsed * perNano);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
