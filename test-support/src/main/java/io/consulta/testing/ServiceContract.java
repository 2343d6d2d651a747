package io.consulta.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every Consulta service promises operators and clients: health, metrics and OpenAPI are served, and its API
 * answers 401 problem+json to a missing, forged or expired token. Each service's test subclasses it.
 */
public abstract class ServiceContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** A GET endpoint of this service that requires a token. */
    protected abstract String protectedPath();

    @Test
    void readinessAndLivenessAreUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesOpenApiSwaggerUiAndMetrics() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
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
