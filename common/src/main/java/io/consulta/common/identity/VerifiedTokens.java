package io.consulta.common.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens OIDC has verified, kept until they expire: a browser sends the same access token with every call of a
 * page, and verifying its signature and parsing its claims again was a quarter of a service's CPU per read. A
 * token's identity is reused only for the very same token string, never past the token's expiry, and for at most
 * {@link #AT_MOST}; {@link AccountGate} still runs at every request (augmentors run for every identity), so a disabled
 * account is refused at once. A token that is not known goes to OIDC as before.
 * What is kept is the caller alone ({@link #essentials}), at most {@value #MAX_TOKENS} tokens: under the embedded
 * benchmark's reads, 5,000 distinct tokens, chat-service's live heap stayed ~40 MB (keeping OIDC's identity itself
 * had retained whole responses, 200 MB).
 */
@Singleton
public class VerifiedTokens implements IdentityProvider<KnownTokenRequest>, SecurityIdentityAugmentor {

    /**
     * The realm's access-token lifetime: a token is verified once in its life. Checking it again would catch only a
     * signing key withdrawn from the realm meanwhile, which OIDC itself learns only when it next fetches the keys.
     */
    static final Duration AT_MOST = Duration.ofMinutes(5);
    /** The identity attribute OIDC gives a token's expiry under (epoch seconds). */
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";
    private static final int MAX_TOKENS = 8_000;
    private static final String BEARER = "Bearer ";

    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, Verified>creating((token, entry) -> entry.keptFor())).build();

    private final LongAdder reused = new LongAdder();

    private record Verified(SecurityIdentity identity, Duration keptFor) {
    }

    /** How many requests were authenticated by a token verified before. */
    long reused() {
        return reused.sum();
    }

    /**
     * Who the caller is and nothing of the request that first brought the token: principal, roles, credentials and the
     * token's expiry (chat's sockets read it). A copy of OIDC's identity kept request-scoped objects alive.
     */
    static SecurityIdentity essentials(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        Object expiry = identity.getAttribute(EXPIRE_TIME);
        if (expiry != null) {
            kept.addAttribute(EXPIRE_TIME, expiry);
        }
        return kept.build();
    }

    /**
     * The caller of the request's bearer token if it was verified before, through the identity providers so that
     * every augmentor (the disabled-account check) runs again; null when the token is not known, for OIDC to verify.
     * Asked by the HTTP mechanism before OIDC's: OIDC's own work per request (tenant, credential, claims decoding)
     * was a sixth of a service's CPU per read even when its verification was skipped.
     */
    public Uni<SecurityIdentity> reuse(RoutingContext request, IdentityProviderManager identities) {
        String token = bearerToken(request.request().getHeader("Authorization"));
        Verified known = token == null ? null : verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new KnownTokenRequest(known.identity()), request));
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** As an augmentor: in the same place among the others as before it also served tokens OIDC was asked about. */
    @Override
    public int priority() {
        return 2_000;
    }

    @Override
    public Class<KnownTokenRequest> getRequestType() {
        return KnownTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(KnownTokenRequest request, AuthenticationRequestContext context) {
        reused.increment();
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(request.verified());
        if (current != null) { // the identity names the request it belongs to: this one, not the first
            identity.addAttribute(RoutingContext.class.getName(), current);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Runs after OIDC created the identity (and again for a reused one, which changes nothing). */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || verified.getIfPresent(credential.getToken()) != null) {
            return Uni.createFrom().item(identity); // a reused one, on every request: nothing to work out again
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Duration untilExpiry = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
            Duration keptFor = untilExpiry.compareTo(AT_MOST) < 0 ? untilExpiry : AT_MOST;
            if (keptFor.isPositive()) {
                verified.put(credential.getToken(), new Verified(essentials(identity), keptFor));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
