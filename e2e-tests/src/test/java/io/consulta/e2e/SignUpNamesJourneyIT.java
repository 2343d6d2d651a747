package io.consulta.e2e;

import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Clinic.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16 item 7: ordinary names pass the realm's user profile (its default name validator refused brackets and
 * ampersands, and sign-up blamed the password).
 */
@ExtendWith(StackExtension.class)
class SignUpNamesJourneyIT {


    @ParameterizedTest(name = "\"{0}\" can sign up")
    @ValueSource(strings = {"Anna (Annie) Lee", "Zed & Co", "Zoë O'Brien-Żuławska"})
    void realNamesAreAccepted(String name) {
        String email = "names-" + UUID.randomUUID() + "@journey.test";
        given().contentType("application/json")
                .body(Map.of("role", "patient", "email", email, "password", PASSWORD, "name", name,
                        "dateOfBirth", "1985-07-14"))
                .when().post(Services.url("auth-service") + "/api/v1/registrations")
                .then().statusCode(201);

        given().auth().oauth2(Realm.token(email, PASSWORD)).when().get(Services.url("auth-service") + "/api/v1/me")
                .then().statusCode(200).body("name", equalTo(name));
    }
}
