package io.consulta.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.identity.VerifiedTokens;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import lombok.RequiredArgsConstructor;

import java.util.Set;

/**
 * The OIDC bearer-token mechanism, except that a token verified before is taken from {@link VerifiedTokens} without
 * OIDC's work per request, and that its 401 challenge carries a problem+json body like every other error (the
 * challenge is sent by the security layer directly, so exception mappers never see it).
 */
@Alternative
@Priority(1)
@ApplicationScoped
@RequiredArgsConstructor
public class ProblemChallengeMechanism implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verifiedTokens;
    private final ObjectMapper json;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Uni<SecurityIdentity> known = verifiedTokens.reuse(context, identityProviderManager);
        return known != null ? known : oidc.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            if (context.response().headWritten()) {
                return false;
            }
            int status = challenge == null ? 401 : challenge.status;
            context.response().setStatusCode(status);
            if (challenge != null) {
                challenge.getHeaders().forEach((name, value) -> context.response().putHeader(name.toString(), value));
            }
            Problem problem = Problem.of(status, "unauthorized", "Unauthorized",
                    "A valid bearer token from the consulta realm is required").withInstance(context.normalizedPath());
            try {
                context.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.response().end();
            }
            return true;
        });
    }
}
