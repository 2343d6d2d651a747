package io.consulta.common.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, with 401 like any other unusable token: a token without {@code sub}, which names nobody (Keycloak's
 * lightweight admin-cli tokens have none; checked here as well as by {@code quarkus.oidc.token.subject-required},
 * which locally verified tokens skip), and the token of an account an admin disabled, however long it still runs.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AccountGate implements SecurityIdentityAugmentor {

    private final DisabledAccounts disabled;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject();
            if (subject == null || subject.isBlank()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the token names no subject"));
            }
            if (disabled.isDisabled(subject)) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the account is disabled"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
