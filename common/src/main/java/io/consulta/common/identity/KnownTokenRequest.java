package io.consulta.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import lombok.RequiredArgsConstructor;

/** A bearer token {@link VerifiedTokens} already holds the verified caller of. */
@RequiredArgsConstructor
final class KnownTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    SecurityIdentity verified() {
        return verified;
    }
}
