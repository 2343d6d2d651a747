package io.consulta.auth.api;

import io.consulta.auth.SignUps;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class MeTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void anAccountMadeOutsideSignUpGetsItsProfileFromTheToken() {
        String id = "kc-" + UUID.randomUUID();

        given().auth().oauth2(TestTokens.token(id, List.of("patient", "offline_access"), 60))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("role", equalTo("patient"))
                .body("status", equalTo("ACTIVE"))
                .body("name", equalTo("User " + id))
                .body("roles", contains("patient"));
    }

    @Test
    void anEditWithTheCurrentVersionIsSavedAndBumpsTheVersion() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("edit")));
        String token = TestTokens.patient(id);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Paula Renamed", "phone", "+351 900 000 000", "dateOfBirth", "1991-01-01"))
                .when().put("/api/v1/me")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Paula Renamed"))
                .body("dateOfBirth", equalTo("1991-01-01"))
                .body("version", equalTo(1));
        given().auth().oauth2(token).when().get("/api/v1/me")
                .then().statusCode(200).body("name", equalTo("Paula Renamed")).body("version", equalTo(1));
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("stale")));
        String token = TestTokens.patient(id);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "First Writer", "version", 0))
                .when().put("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Second Writer", "version", 0))
                .when().put("/api/v1/me")
                .then().statusCode(412).contentType(PROBLEM_JSON);

        given().auth().oauth2(token).when().get("/api/v1/me").then().body("name", equalTo("First Writer"));
    }

    @Test
    void anEditWithoutAVersionIsRefused() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("noversion")));

        given().auth().oauth2(TestTokens.patient(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "No Version"))
                .when().put("/api/v1/me")
                .then().statusCode(428).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidEditsAreFieldErrors() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("invalid")));

        given().auth().oauth2(TestTokens.patient(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "", "phone", "call me maybe", "dateOfBirth", "2999-01-01", "version", 0))
                .when().put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("dateOfBirth"));
        given().auth().oauth2(TestTokens.patient(id)).contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(Map.of("name", "Valid Name"))
                .when().put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aDoctorKeepsASpecialty() {
        String id = SignUps.approvedDoctor("Edith Editor", "Dermatology", List.of("en"));

        given().auth().oauth2(TestTokens.doctor(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "Edith Editor", "specialty", " ", "version", 1))
                .when().put("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("specialty"));
        given().auth().oauth2(TestTokens.doctor(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "Edith Editor", "specialty", "Paediatric Dermatology", "languages", List.of("EN", "fr"),
                        "version", 1))
                .when().put("/api/v1/me")
                .then().statusCode(200).body("specialty", equalTo("Paediatric Dermatology"))
                .body("languages", contains("en", "fr"));
    }
}
