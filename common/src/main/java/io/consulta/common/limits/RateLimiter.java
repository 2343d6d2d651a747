package io.consulta.common.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.consulta.common.domain.TooManyRequestsException;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-key {@link TokenBucket}s (key: a user id, a client address): {@code burst} at once (by default
 * {@code permits}), refilled with {@code permits} evenly over {@code per}. Kept in memory by each replica, so behind N
 * replicas a key gets up to N times the rate; idle keys are forgotten once their bucket would be full again, and at
 * most {@code maxKeys} are tracked (a forgotten key starts with a full bucket, erring on the side of answering).
 */
public final class RateLimiter {

    private final int burst;
    private final int permits;
    private final Duration per;
    private final Ticker ticker;
    private final Cache<String, TokenBucket> buckets;

    public RateLimiter(int permits, Duration per) {
        this(permits, permits, per, 100_000, Ticker.systemTicker());
    }

    public RateLimiter(int burst, int permits, Duration per, long maxKeys) {
        this(burst, permits, per, maxKeys, Ticker.systemTicker());
    }

    RateLimiter(int permits, Duration per, long maxKeys, Ticker ticker) {
        this(permits, permits, per, maxKeys, ticker);
    }

    RateLimiter(int burst, int permits, Duration per, long maxKeys, Ticker ticker) {
        if (burst < 1 || permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs at least one permit over a positive duration");
        }
        this.burst = burst;
        this.permits = permits;
        this.per = per;
        this.ticker = ticker;
        Duration refill = per.multipliedBy(burst).dividedBy(permits);
        Duration idle = refill.compareTo(per.multipliedBy(2)) > 0 ? refill : per.multipliedBy(2);
        this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(idle).maximumSize(maxKeys).build();
    }

    /** Takes a permit for {@code key}: empty when allowed, else how long until one is free (for Retry-After). */
    public Optional<Duration> tryAcquire(String key) {
        TokenBucket bucket = buckets.get(key, ignored -> TokenBucket.refilling(permits, per, burst, ticker.read()));
        synchronized (bucket) {
            return bucket.tryTake(ticker.read()) ? Optional.empty() : Optional.of(Duration.ofNanos(bucket.nanosUntilNext()));
        }
    }

    /**
     * Takes a permit for {@code key} or refuses with {@link TooManyRequestsException} (429 with Retry-After), naming
     * {@code what} was limited, e.g. "sign-ups from this address".
     */
    public void acquire(String key, String what) {
        tryAcquire(key).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many " + what + ": at most " + permits + " per "
                    + describe(per) + "; retry in " + retryAfterSeconds(wait) + " s", wait);
        });
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "minute" : seconds / 60 + " minutes";
        }
        return seconds + " s";
    }

    /** Whole seconds for a Retry-After header: at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
