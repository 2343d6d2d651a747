package io.consulta.e2e;

import io.consulta.e2e.support.Clinic;
import io.consulta.e2e.support.Faults;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16 item 13: Keycloak stopped. Tokens issued before keep working on every service (their signing keys are
 * cached), and sign-up, which needs Keycloak, answers 503 problem+json quickly. Runs last: Keycloak stays down.
 */
@ExtendWith(StackExtension.class)
@Order(FaultOrder.KEYCLOAK_STOPPED)
class KeycloakOutageJourneyIT {


    @Test
    void issuedTokensKeepWorkingAndSignUpIsA503() {
        Clinic clinic = Clinic.open("keycloak");
        String patient = clinic.patientToken();
        Map<String, Integer> before = statuses(patient);
        assertThat(before.get("auth-service")).isEqualTo(200);
        assertThat(before.values()).allSatisfy(status -> assertThat(status).isNotIn(401, 500, 503));

        Faults.stop("keycloak");

        assertThat(statuses(patient)).isEqualTo(before);
        long started = System.nanoTime();
        given().contentType("application/json")
                .body(Map.of("role", "patient", "email", "outage-" + UUID.randomUUID() + "@journey.test",
                        "password", "Journey-Pass-2026", "name", "Olga Outage", "dateOfBirth", "1990-05-01"))
                .when().post(Services.url("auth-service") + "/api/v1/registrations")
                .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private static Map<String, Integer> statuses(String token) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Services.SIGNED_IN_ENDPOINTS.forEach((service, path) ->
                statuses.put(service, given().auth().oauth2(token).get(Services.url(service) + path).statusCode()));
        return statuses;
    }
}
