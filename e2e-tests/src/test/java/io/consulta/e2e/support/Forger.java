package io.consulta.e2e.support;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.util.List;
import java.util.Map;

/** Tokens that look exactly like the realm's but are signed with an attacker's key. */
public final class Forger {

    private Forger() {
    }

    public static String token(String subject, List<String> roles) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(Realm.ISSUER);
            claims.setSubject(subject);
            claims.setAudience(Realm.API_AUDIENCE);
            claims.setIssuedAtToNow();
            claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 300));
            claims.setClaim("azp", Realm.WEB_CLIENT);
            claims.setClaim("typ", "Bearer");
            claims.setClaim("realm_access", Map.of("roles", roles));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue("forged");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
