package io.consulta.auth.api;

import io.consulta.auth.InMemoryIdentityProvider;
import io.consulta.auth.SignUps;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RegistrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    InMemoryIdentityProvider keycloak;
    @Inject
    ProfileRepository profiles;

    @BeforeEach
    void keycloakIsHealthy() {
        keycloak.healthy();
    }

    @Test
    void aPatientIsActiveAtOnceAndHoldsThePatientRole() {
        String email = SignUps.uniqueEmail("paula");

        String id = given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("role", equalTo("patient"))
                .body("status", equalTo("ACTIVE"))
                .body("email", equalTo(email))
                .body("dateOfBirth", equalTo("1990-04-12"))
                .body("password", nullValue())
                .extract().path("id");

        assertThat(keycloak.rolesOf(id)).containsExactly("patient");
        assertThat(keycloak.verificationEmailSentTo(id)).isTrue();
        given().auth().oauth2(TestTokens.patient(id)).when().get("/api/v1/me")
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Paula Patient"));
    }

    @Test
    void aDoctorWaitsForApprovalWithoutTheDoctorRole() {
        String id = SignUps.register(SignUps.doctor(SignUps.uniqueEmail("dr"), "Dora Doctor", "Cardiology",
                List.of("en", "PT")));

        assertThat(keycloak.rolesOf(id)).isEmpty();
        given().auth().oauth2(TestTokens.token(id, List.of(), 60)).when().get("/api/v1/me")
                .then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("specialty", equalTo("Cardiology"))
                .body("languages", hasItems("en", "pt"))
                .body("consultationFee", equalTo(80.0f));
    }

    @Test
    void aSecondAccountWithTheSameEmailIsAConflictWhateverTheCase() {
        String email = SignUps.uniqueEmail("twice");
        SignUps.register(SignUps.patient(email));

        given().contentType(ContentType.JSON).body(SignUps.patient(email.toUpperCase()))
                .when().post("/api/v1/registrations")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", equalTo("An account with this e-mail already exists"));
    }

    @Test
    void anEmailKeycloakAlreadyHasIsAConflictAndLeavesNoProfile() {
        String email = SignUps.uniqueEmail("kc-only");
        keycloak.addExistingUser("pre-existing", email);

        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(409).contentType(PROBLEM_JSON);

        assertThat(profiles.count("emailLower", email)).isZero();
    }

    @Test
    void aWeakPasswordListsEveryRuleItBreaks() {
        Map<String, Object> body = SignUps.patient(SignUps.uniqueEmail("weak"));
        body.put("password", "short");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/registrations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("password"))
                .body("errors.message", hasItems("must have at least 10 characters", "must contain an upper-case letter",
                        "must contain a digit"));
    }

    @Test
    void badEmailAndMissingFieldsAreFieldErrors() {
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "patient", "email", "not-an-email", "password", SignUps.PASSWORD))
                .when().post("/api/v1/registrations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("email", "name"));
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "nurse", "email", "n@example.org", "password", SignUps.PASSWORD, "name", "Nina"))
                .when().post("/api/v1/registrations")
                .then().statusCode(400).body("errors.field", hasItem("role"));
    }

    @Test
    void eachRoleMustGiveItsOwnFields() {
        Map<String, Object> patient = SignUps.patient(SignUps.uniqueEmail("nodob"));
        patient.remove("dateOfBirth");
        given().contentType(ContentType.JSON).body(patient).when().post("/api/v1/registrations")
                .then().statusCode(400).body("errors.field", hasItem("dateOfBirth"));

        given().contentType(ContentType.JSON)
                .body(Map.of("role", "doctor", "email", SignUps.uniqueEmail("bare"), "password", SignUps.PASSWORD,
                        "name", "Bare Doctor"))
                .when().post("/api/v1/registrations")
                .then().statusCode(400)
                .body("errors.field", hasItems("specialty", "licenceNumber", "clinicAddress", "languages",
                        "consultationFee"));
    }

    @Test
    void aFieldKeycloakRefusesIsAFieldErrorAndLeavesNothing() {
        String email = SignUps.uniqueEmail("kc-refused");
        keycloak.refuseNextSignUp("password", "was refused by the identity provider's password policy");

        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", endsWith("/validation"))
                .body("title", equalTo("Invalid input"))
                .body("errors.field", contains("password"))
                .body("errors.message", contains("was refused by the identity provider's password policy"));

        assertThat(profiles.count("emailLower", email)).isZero();
        assertThat(keycloak.hasUserWithEmail(email)).isFalse();
    }

    @Test
    void aRefusalNamingNoFieldIsAPlainBadRequestWithKeycloaksReason() {
        String email = SignUps.uniqueEmail("kc-unnamed");
        keycloak.refuseNextSignUp(null, "The identity provider refused the sign-up (something-new)");

        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", endsWith("/bad-request"))
                .body("title", equalTo("Bad request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("The identity provider refused the sign-up (something-new)"))
                .body("errors", nullValue());

        assertThat(profiles.count("emailLower", email)).isZero();
    }

    @Test
    void keycloakDownMeansNothingIsCreated() {
        String email = SignUps.uniqueEmail("outage");
        keycloak.setUnreachable(true);

        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(503).contentType(PROBLEM_JSON);

        assertThat(profiles.count("emailLower", email)).isZero();
        assertThat(keycloak.hasUserWithEmail(email)).isFalse();
    }

    @Test
    void keycloakFailingHalfWayRemovesTheUserItCreated() {
        String email = SignUps.uniqueEmail("halfway");
        keycloak.failNextRoleGrant();

        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(503).contentType(PROBLEM_JSON);

        assertThat(keycloak.hasUserWithEmail(email)).isFalse();
        assertThat(profiles.count("emailLower", email)).isZero();
        given().contentType(ContentType.JSON).body(SignUps.patient(email))
                .when().post("/api/v1/registrations")
                .then().statusCode(201);
    }
}
