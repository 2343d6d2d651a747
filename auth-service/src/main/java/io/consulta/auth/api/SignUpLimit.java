package io.consulta.auth.api;

import io.consulta.common.limits.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Sign-ups per client address (issue 16): the answer tells whether an e-mail has an account, so probing it, and
 * creating accounts in bulk, is slowed down. Behind the Ingress the address is the forwarded one
 * ({@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class SignUpLimit {

    private final RateLimiter limiter;

    public SignUpLimit(@ConfigProperty(name = "consulta.limits.sign-ups.permits", defaultValue = "5") int permits,
                       @ConfigProperty(name = "consulta.limits.sign-ups.per", defaultValue = "PT10M") Duration per) {
        this.limiter = new RateLimiter(permits, per);
    }

    void check(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        limiter.acquire(address, "sign-ups from this address");
    }
}
