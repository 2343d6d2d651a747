package io.consulta.common.limits;

/**
 * One token bucket: {@code burst} takes at once, refilled evenly at {@code perSecond}. Time is passed in (monotonic
 * nanoseconds), so the rule is testable without sleeping. Not thread-safe: a chat socket uses its own for its frames
 * (handled one at a time, so it needs no lock or lookup per frame); {@link RateLimiter} keeps one per key and locks it.
 */
public final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this(burst, perSecond / 1_000_000_000d, nowNanos);
    }

    /** {@code permits} every {@code per}, evenly, after a burst of {@code burst}. */
    public static TokenBucket refilling(int permits, java.time.Duration per, int burst, long nowNanos) {
        return new TokenBucket(burst, permits / (double) per.toNanos(), nowNanos);
    }

    private TokenBucket(int burst, double perNano, long nowNanos) {
        this.perNano = perNano;
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

    /** After a refused {@link #tryTake}: how long until the next token (for Retry-After). */
    public long nanosUntilNext() {
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
