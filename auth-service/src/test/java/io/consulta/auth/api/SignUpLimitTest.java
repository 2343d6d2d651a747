package io.consulta.auth.api;

import io.consulta.auth.SignUps;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** Issue 16 items 5 and 8: sign-ups per client address (the forwarded one behind the Ingress) are limited. */
@QuarkusTest
@TestProfile(SignUpLimitTest.ThreeSignUps.class)
class SignUpLimitTest {

    public static class ThreeSignUps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consulta.limits.sign-ups.permits", "3", "consulta.limits.sign-ups.per", "PT1H");
        }
    }

    @Test
    void aClientAddressSignsUpAFewTimesThenWaits() {
        for (int i = 0; i < 3; i++) {
            signUpFrom("203.0.113.7").statusCode(201);
        }

        signUpFrom("203.0.113.7").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("Too many sign-ups from this address"));
        signUpFrom("203.0.113.8").statusCode(201);
    }

    private static ValidatableResponse signUpFrom(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(SignUps.patient(SignUps.uniqueEmail("limit")))
                .when().post("/api/v1/registrations").then();
    }
}
