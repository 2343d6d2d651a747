package io.consulta.e2e;

import io.consulta.e2e.support.Forger;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The stack as an operator and a client first meet it: everything ready, tokens checked, identity known. */
@ExtendWith(StackExtension.class)
class FoundationJourneyIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static String expiredToken;

    @BeforeAll
    static void obtainATokenThatExpires() throws InterruptedException {
        String client = Realm.createShortLivedClient("e2e-short-lived-" + UUID.randomUUID(), 1);
        expiredToken = Realm.token(client, DemoUsers.PATIENT_BOB.username(), DemoUsers.PATIENT_BOB.password());
        Thread.sleep(2500);
    }

    @ParameterizedTest(name = "{0} is ready, on its management port only")
    @CsvSource({"auth-service", "appointment-service", "chat-service", "notes-service", "media-service"})
    void everyServiceIsReadyOnItsManagementPortOnly(String service) {
        given().when().get(Services.managementUrl(service) + "/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(Services.managementUrl(service) + "/q/metrics").then().statusCode(200);
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(Services.url(service) + path).then().statusCode(404);
        }
    }

    @ParameterizedTest(name = "{0}{1} refuses missing, forged and expired tokens")
    @MethodSource("io.consulta.e2e.support.Services#signedInEndpoints")
    void everyApiRefusesMissingForgedAndExpiredTokens(String service, String path) {
        String url = Services.url(service) + path;
        given().when().get(url)
                .then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2(Forger.token(UUID.randomUUID().toString(), List.of("admin"))).when().get(url)
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
        given().auth().oauth2(expiredToken).when().get(url)
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    }

    @Test
    void aDemoPatientLogsInAtKeycloakAndAuthServiceKnowsThem() {
        String token = Realm.token(DemoUsers.PATIENT_ALICE.username(), DemoUsers.PATIENT_ALICE.password());
        String subject = Realm.claims(token).path("sub").asText();

        given().auth().oauth2(token).when().get(Services.url("auth-service") + "/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(subject))
                .body("name", equalTo(DemoUsers.PATIENT_ALICE.name()))
                .body("roles", hasItem("patient"));
    }
}
