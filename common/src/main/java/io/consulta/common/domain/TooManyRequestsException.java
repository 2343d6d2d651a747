package io.consulta.common.domain;

import java.time.Duration;

/** A rate or count limit was reached; the caller may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        this("Too many requests; retry in " + Math.max(1, retryAfter.toSeconds()) + " s", retryAfter);
    }

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as the Retry-After header takes them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
