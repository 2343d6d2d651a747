package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoUsers;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Clinic.PASSWORD;
import static io.consulta.e2e.support.Services.auth;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Accounts against the real Keycloak: sign-up, login with the chosen password, profile edits, doctor approval. */
@ExtendWith(StackExtension.class)
class AuthJourneyIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Test
    void aNewPatientSignsUpLogsInAndEditsTheirProfile() {
        String email = "patient-" + UUID.randomUUID().toString().substring(0, 8) + "@journey.test";
        try (Events.EventWatcher identity = Events.watch("consulta.identity")) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("role", "patient", "email", email, "password", PASSWORD, "name", "Jo Journey",
                            "dateOfBirth", "1988-02-29"))
                    .when().post(auth("/api/v1/registrations"))
                    .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");

            String token = Realm.token(email, PASSWORD);
            assertThat(Realm.claims(token).path("sub").asText()).isEqualTo(id);
            assertThat(Realm.realmRoles(token)).contains("patient");

            String etag = given().auth().oauth2(token).when().get(auth("/api/v1/me"))
                    .then().statusCode(200).body("email", equalTo(email)).body("name", equalTo("Jo Journey"))
                    .extract().header("ETag");
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("name", "Jo Renamed", "phone", "+33 6 12 34 56 78", "dateOfBirth", "1988-02-29"))
                    .when().put(auth("/api/v1/me"))
                    .then().statusCode(200).body("name", equalTo("Jo Renamed"));
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("name", "Lost Update"))
                    .when().put(auth("/api/v1/me"))
                    .then().statusCode(412);

            JsonNode registered = identity.awaitType("user.registered", id, EVENT_WAIT);
            assertThat(registered.path("data").path("email").asText()).isEqualTo(email);
            assertThat(registered.toString()).doesNotContain(PASSWORD);
            identity.awaitType("profile.updated", id, EVENT_WAIT);
        }
    }

    @Test
    void aNewDoctorIsInvisibleAndRoleLessUntilAnAdminApprovesThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "doctor-" + suffix + "@journey.test";
        String name = "Dana Approve" + suffix;
        try (Events.EventWatcher identity = Events.watch("consulta.identity")) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("role", "doctor", "email", email, "password", PASSWORD, "name", name,
                            "specialty", "Rheumatology", "licenceNumber", "LIC-" + suffix, "languages", List.of("en"),
                            "clinicAddress", "1 Journey Street", "consultationFee", 65))
                    .when().post(auth("/api/v1/registrations"))
                    .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");

            assertThat(Realm.realmRoles(Realm.token(email, PASSWORD))).doesNotContain("doctor");
            given().queryParam("q", suffix).when().get(auth("/api/v1/doctors"))
                    .then().statusCode(200).body("items.id", not(hasItem(id)));

            String admin = Realm.token(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
            given().auth().oauth2(admin).when().get(auth("/api/v1/admin/doctors?status=PENDING"))
                    .then().statusCode(200).body("id", hasItem(id));
            given().auth().oauth2(admin).when().post(auth("/api/v1/admin/doctors/" + id + "/approve"))
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));

            assertThat(Realm.realmRoles(Realm.token(email, PASSWORD))).contains("doctor");
            given().queryParam("q", suffix).when().get(auth("/api/v1/doctors"))
                    .then().statusCode(200).body("items.id", hasItem(id)).body("items.name", hasItem(name));

            identity.awaitType("user.registered", id, EVENT_WAIT);
            JsonNode approved = identity.awaitType("doctor.approved", id, EVENT_WAIT);
            assertThat(approved.path("data").path("specialty").asText()).isEqualTo("Rheumatology");
        }
    }

    @Test
    void aDuplicateSignUpIsRefusedByTheRealAccountStore() {
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "patient", "email", DemoUsers.PATIENT_BOB.username(), "password", PASSWORD,
                        "name", "Bob Again", "dateOfBirth", "1970-01-01"))
                .when().post(auth("/api/v1/registrations"))
                .then().statusCode(409).contentType("application/problem+json");
    }
}
