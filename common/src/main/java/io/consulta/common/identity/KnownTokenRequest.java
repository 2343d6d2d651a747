package io.consulta.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token {@link VerifiedTokens} already holds the verified caller of. */
final class KnownTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    KnownTokenRequest(SecurityIdentity verified) {
        this.verified = verified;
    }

    SecurityIdentity verified() {
        return verified;
    }
}
