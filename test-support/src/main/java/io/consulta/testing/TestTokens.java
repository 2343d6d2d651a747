package io.consulta.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signed bearer tokens shaped like Keycloak's (sub, realm_access.roles, name, email) for service tests. */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/consulta";
    /** The audience consulta-web's tokens carry and every service requires (common's configuration). */
    public static final String AUDIENCE = "consulta-api";

    private TestTokens() {
    }

    public static String patient(String userId) {
        return token(userId, List.of("patient"), 300);
    }

    /** A patient who has not verified their e-mail address yet ({@code email_verified} false). */
    public static String unverifiedPatient(String userId) {
        JwtClaims claims = claims(userId, List.of("patient"), 300);
        claims.setClaim("email_verified", false);
        return sign(claims, "private.pem");
    }

    public static String doctor(String userId) {
        return token(userId, List.of("doctor"), 300);
    }

    public static String admin(String userId) {
        return token(userId, List.of("admin"), 300);
    }

    public static String token(String userId, List<String> roles, long lifetimeSeconds) {
        return sign(claims(userId, roles, lifetimeSeconds), "private.pem");
    }

    public static String expired(String userId, List<String> roles) {
        JwtClaims claims = claims(userId, roles, 60);
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 1800));
        return sign(claims, "private.pem");
    }

    /** A correctly signed token of another client of the realm: no Consulta audience (e.g. a service account). */
    public static String otherClient(String userId, List<String> roles) {
        JwtClaims claims = claims(userId, roles, 300);
        claims.setAudience("account");
        claims.setClaim("azp", "auth-service");
        return sign(claims, "private.pem");
    }

    /** A correctly signed token with the Consulta audience but no {@code sub} (as admin-cli's lightweight tokens). */
    public static String withoutSubject(List<String> roles) {
        JwtClaims claims = claims("nobody", roles, 300);
        claims.unsetClaim("sub");
        return sign(claims, "private.pem");
    }

    /** Same claims, signed with a key the service does not trust. */
    public static String forged(String userId, List<String> roles) {
        return sign(claims(userId, roles, 300), "forger-private.pem");
    }

    public static String publicKeyBase64() {
        return pem("public.pem");
    }

    private static JwtClaims claims(String userId, List<String> roles, long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId);
        claims.setAudience(AUDIENCE);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + lifetimeSeconds));
        claims.setClaim("typ", "Bearer");
        claims.setClaim("azp", "consulta-web");
        claims.setClaim("realm_access", Map.of("roles", roles));
        claims.setClaim("preferred_username", userId);
        claims.setClaim("name", "User " + userId);
        claims.setClaim("email", userId + "@test.consulta.local");
        claims.setClaim("email_verified", true);
        return claims;
    }

    private static String sign(JwtClaims claims, String keyFile) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(privateKey(keyFile));
            jws.setKeyIdHeaderValue("test-key");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey privateKey(String file) {
        try {
            byte[] der = Base64.getDecoder().decode(pem(file));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("bad test key " + file, e);
        }
    }

    private static String pem(String file) {
        try (InputStream in = TestTokens.class.getResourceAsStream(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test key " + file, e);
        }
    }
}
