package io.consulta.notes.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Requests per client (by address) as token buckets: {@code burst} at once, refilled at {@code perMinute}. Time comes
 * in as monotonic nanoseconds so the rule is testable without sleeping. At most {@code maxClients} buckets are kept
 * (least recently used go first), so a flood of addresses cannot grow memory without bound; a forgotten client starts
 * again with a full bucket, which only ever errs on the side of answering.
 */
public final class ClientRateLimit {

    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets;

    public ClientRateLimit(int perMinute, int burst, int maxClients) {
        this.perNano = perMinute / 60_000_000_000d;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one request's token; empty when allowed, else how long until the next token (the Retry-After). */
    public synchronized OptionalLong tryTake(String client, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
        double tokens = Math.min(burst, bucket.tokens + Math.max(0, nowNanos - bucket.last) * perNano);
        bucket.last = nowNanos;
        if (tokens >= 1) {
            bucket.tokens = tokens - 1;
            return OptionalLong.empty();
        }
        bucket.tokens = tokens;
        return OptionalLong.of((long) Math.ceil((1 - tokens) / perNano));
    }

    public static Duration retryAfter(long waitNanos) {
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
