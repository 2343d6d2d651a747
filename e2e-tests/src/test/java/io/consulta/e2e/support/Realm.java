package io.consulta.e2e.support;

import io.consulta.localstack.Keycloak;
import io.consulta.localstack.StackConfig;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The real Keycloak of the running stack: tokens by direct grant, and its admin REST API for test setup. */
public final class Realm {

    public static final String BASE = "http://localhost:" + StackConfig.KEYCLOAK_PORT;
    public static final String ISSUER = Keycloak.issuer(StackConfig.KEYCLOAK_PORT);
    public static final String WEB_CLIENT = "consulta-web";

    private Realm() {
    }

    /** An access token for a user, by direct grant on the public client, as scripts and tests log in. */
    public static String token(String username, String password) {
        return token(WEB_CLIENT, username, password);
    }

    public static String token(String clientId, String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password)
                .when().post(ISSUER + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of the realm's own built-in admin-cli client for a user (direct grant): not meant for Consulta. */
    public static String adminCliToken(String username, String password) {
        return token("admin-cli", username, password);
    }

    /** A client-credentials token of auth-service's service account: not meant for Consulta's APIs either. */
    public static String authServiceAccountToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "auth-service")
                .formParam("client_secret", StackConfig.AUTH_SERVICE_CLIENT_SECRET)
                .when().post(ISSUER + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of Keycloak's bootstrap admin (master realm) for the admin REST API. */
    public static String adminApi() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", Keycloak.ADMIN_USER).formParam("password", Keycloak.ADMIN_PASSWORD)
                .when().post(BASE + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Creates an enabled user whose e-mail is not verified yet, with no role; returns the user id. */
    public static String createUnverifiedUser(String email, String password, String name) {
        String[] names = name.split(" ", 2);
        String location = given().auth().oauth2(adminApi()).contentType(ContentType.JSON)
                .body(Map.of("username", email, "email", email, "emailVerified", false, "enabled", true,
                        "firstName", names[0], "lastName", names.length > 1 ? names[1] : "",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .when().post(BASE + "/admin/realms/" + Keycloak.REALM + "/users")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Stands in for the user following the link of Keycloak's verify-e-mail mail (MailJourneyIT proves the mail is
     * sent): patients may book only with a verified e-mail.
     */
    public static void markEmailVerified(String userId) {
        given().auth().oauth2(adminApi()).contentType(ContentType.JSON).body(Map.of("emailVerified", true))
                .when().put(BASE + "/admin/realms/" + Keycloak.REALM + "/users/" + userId)
                .then().statusCode(204);
    }

    /** Creates an enabled user with a password and one realm role; returns the user id (the token's sub). */
    public static String createUser(String email, String password, String name, String role) {
        String admin = adminApi();
        String[] names = name.split(" ", 2);
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
                        "firstName", names[0], "lastName", names.length > 1 ? names[1] : "",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .when().post(BASE + "/admin/realms/" + Keycloak.REALM + "/users")
                .then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> roleRepresentation = given().auth().oauth2(admin)
                .when().get(BASE + "/admin/realms/" + Keycloak.REALM + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(roleRepresentation))
                .when().post(BASE + "/admin/realms/" + Keycloak.REALM + "/users/" + userId + "/role-mappings/realm")
                .then().statusCode(204);
        return userId;
    }

    /** The claims of a token, as the services read them (no signature check: the services do that). */
    public static com.fasterxml.jackson.databind.JsonNode claims(String jwt) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    public static java.util.List<String> realmRoles(String jwt) {
        java.util.List<String> roles = new java.util.ArrayList<>();
        claims(jwt).path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** The audience the services require; consulta-web's tokens carry it (realm JSON), other clients' do not. */
    public static final String API_AUDIENCE = "consulta-api";

    /**
     * A public client whose access tokens live {@code seconds} and carry the Consulta audience like consulta-web's:
     * how a test obtains a token refused for nothing but its expiry.
     */
    public static String createShortLivedClient(String clientId, int seconds) {
        given().auth().oauth2(adminApi()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false,
                        "attributes", Map.of("access.token.lifespan", Integer.toString(seconds)),
                        "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.custom.audience", API_AUDIENCE,
                                        "access.token.claim", "true")))))
                .when().post(BASE + "/admin/realms/" + Keycloak.REALM + "/clients")
                .then().statusCode(201);
        return clientId;
    }
}
