package io.consulta.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every Consulta service promises operators and clients: health, metrics and OpenAPI are served on the
 * management interface only; its API answers 401 problem+json to a missing, forged or expired token and to tokens not
 * meant for Consulta; answers are never cached; CORS admits the web app's origins only. Each service's test subclasses it.
 */
public abstract class ServiceContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** One of the web app's origins in common's default configuration. */
    private static final String WEB_ORIGIN = "http://localhost:8080";

    /** A GET endpoint of this service that requires a token. */
    protected abstract String protectedPath();

    @Test
    void readinessAndLivenessAreUpOnTheManagementInterface() {
        given().baseUri(Management.uri()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(Management.uri()).when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void servesOpenApiSwaggerUiAndMetricsOnTheManagementInterface() {
        given().baseUri(Management.uri()).accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."));
        given().baseUri(Management.uri()).when().get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(Management.uri()).when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void thePublicPortServesNoManagementEndpoints() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void onlyTokensForConsultaApisAreAccepted() {
        given().auth().oauth2(TestTokens.otherClient("service-account-auth-service", List.of()))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
        given().auth().oauth2(TestTokens.withoutSubject(List.of("patient", "doctor", "admin")))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    }

    @Test
    void apiAnswersAreNeitherCachedNorSniffed() {
        given().when().get(protectedPath())
                .then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void browsersOfTheWebAppMayCallTheApiAndNoOtherOrigin() {
        given().header("Origin", WEB_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options(protectedPath())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options(protectedPath())
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
        given().header("Origin", "https://evil.example")
                .when().get(protectedPath())
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void apiWithoutTokenIsUnauthorizedProblem() {
        given().when().get(protectedPath())
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void apiWithForgedTokenIsUnauthorizedProblem() {
        given().auth().oauth2(TestTokens.forged("mallory", List.of("admin")))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    }

    @Test
    void apiWithExpiredTokenIsUnauthorizedProblem() {
        given().auth().oauth2(TestTokens.expired("late-user", List.of("patient")))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    }

    @Test
    void apiWithGarbageTokenIsUnauthorizedProblem() {
        given().header("Authorization", "Bearer not-a-jwt")
                .when().get(protectedPath())
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        given().auth().oauth2(TestTokens.patient("someone"))
                .when().get("/api/v1/no-such-thing/here")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
        given().when().get("/no-such-page")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
    }
}
