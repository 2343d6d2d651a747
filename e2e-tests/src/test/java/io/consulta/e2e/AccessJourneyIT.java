package io.consulta.e2e;

import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 16 items 2 and 9 against the real realm: only consulta-web's tokens (audience consulta-api, a sub) open the
 * APIs; tokens of the realm's other clients get 401 problem+json everywhere, never 500 and never a profile; answers
 * are not cached; browsers of the web app's origin pass CORS, others do not.
 */
@ExtendWith(StackExtension.class)
class AccessJourneyIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String WEB_ORIGIN = "http://localhost:8080";

    @ParameterizedTest(name = "{0}{1} refuses tokens of admin-cli and of auth-service's service account")
    @MethodSource("io.consulta.e2e.support.Services#signedInEndpoints")
    void tokensOfOtherRealmClientsAreRefused(String service, String path) {
        String adminCli = Realm.adminCliToken(DemoUsers.PATIENT_ALICE.username(), DemoUsers.PATIENT_ALICE.password());
        String serviceAccount = Realm.authServiceAccountToken();
        for (String token : new String[] {adminCli, serviceAccount}) {
            given().auth().oauth2(token).when().get(Services.url(service) + path)
                    .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
        }
    }

    @Test
    void aServiceAccountGetsNoProfileAndNoPatientRole() {
        String serviceAccount = Realm.authServiceAccountToken();
        assertThat(Realm.realmRoles(serviceAccount)).doesNotContain("patient", "doctor", "admin");

        given().auth().oauth2(serviceAccount).when().get(Services.url("auth-service") + "/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void theWebAppsTokensCarryTheApiAudienceAndWork() {
        String token = Realm.token(DemoUsers.PATIENT_ALICE.username(), DemoUsers.PATIENT_ALICE.password());
        assertThat(Realm.claims(token).path("aud").toString()).contains(Realm.API_AUDIENCE);

        given().auth().oauth2(token).when().get(Services.url("auth-service") + "/api/v1/me")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @ParameterizedTest(name = "{0}{1}: CORS for the web app's origin only")
    @MethodSource("io.consulta.e2e.support.Services#signedInEndpoints")
    void preflightFromTheWebAppPassesAndOtherOriginsGetNoCorsHeaders(String service, String path) {
        String url = Services.url(service) + path;
        given().header("Origin", WEB_ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options(url)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB_ORIGIN)
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "GET")
                .when().options(url)
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        // Quarkus refuses a request from an origin it does not admit outright (403), before authentication
        given().header("Origin", "https://attacker.example").when().get(url)
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }
}
