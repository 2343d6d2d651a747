package io.consulta.common.identity;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CallerTest {

    @Test
    void theCallerIsReadFromTheToken() {
        given().auth().oauth2(TestTokens.token("user-42", List.of("doctor", "admin"), 60))
                .when().get("/api/v1/probe/me")
                .then().statusCode(200)
                .body("id", equalTo("user-42"))
                .body("name", equalTo("User user-42"))
                .body("email", equalTo("user-42@test.consulta.local"))
                .body("roles", containsInAnyOrder("doctor", "admin"))
                .body("doctor", equalTo(true))
                .body("admin", equalTo(true))
                .body("patient", equalTo(false));
    }

    @Test
    void whetherTheEmailAddressIsVerifiedComesFromTheToken() {
        given().auth().oauth2(TestTokens.patient("p-verified")).when().get("/api/v1/probe/me")
                .then().statusCode(200).body("emailVerified", equalTo(true));
        given().auth().oauth2(TestTokens.unverifiedPatient("p-new")).when().get("/api/v1/probe/me")
                .then().statusCode(200).body("emailVerified", equalTo(false));
    }

    @Test
    void eachRequestSeesItsOwnCaller() {
        given().auth().oauth2(TestTokens.patient("p-1")).when().get("/api/v1/probe/me")
                .then().statusCode(200).body("id", equalTo("p-1")).body("patient", equalTo(true));
        given().auth().oauth2(TestTokens.patient("p-2")).when().get("/api/v1/probe/me")
                .then().statusCode(200).body("id", equalTo("p-2"));
    }
}
