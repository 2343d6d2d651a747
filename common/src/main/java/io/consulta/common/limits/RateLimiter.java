package io.consulta.common.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.consulta.common.domain.TooManyRequestsException;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-key token buckets (key: a user id, a client address): {@code permits} at once, refilled evenly over
 * {@code per}. Kept in memory by each replica, so behind N replicas a key gets up to N times the rate; idle keys are
 * forgotten, and at most {@code maxKeys} are tracked.
 */
public final class RateLimiter {

    private final int permits;
    private final Duration per;
    private final double permitsPerNano;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int permits, Duration per) {
        this(permits, per, 100_000, Ticker.systemTicker());
    }

    RateLimiter(int permits, Duration per, long maxKeys, Ticker ticker) {
        if (permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs at least one permit over a positive duration");
        }
        this.permits = permits;
        this.per = per;
        this.permitsPerNano = permits / (double) per.toNanos();
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(per.multipliedBy(2))
                .maximumSize(maxKeys).build();
    }

    /** Takes a permit for {@code key}: empty when allowed, else how long until one is free (for Retry-After). */
    public Optional<Duration> tryAcquire(String key) {
        Bucket bucket = buckets.get(key, ignored -> new Bucket(permits, ticker.read()));
        synchronized (bucket) {
            long now = ticker.read();
            bucket.tokens = Math.min(permits, bucket.tokens + (now - bucket.updatedNanos) * permitsPerNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / permitsPerNano);
            return Optional.of(Duration.ofNanos(waitNanos));
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

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        private Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
