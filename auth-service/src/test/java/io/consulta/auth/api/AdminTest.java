package io.consulta.auth.api;

import io.consulta.auth.InMemoryIdentityProvider;
import io.consulta.auth.SignUps;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AdminTest {

    private static final String ADMIN = TestTokens.admin("admin-7");

    @Inject
    InMemoryIdentityProvider keycloak;

    private static String pendingDoctor() {
        return SignUps.register(SignUps.doctor(SignUps.uniqueEmail("review"), "Rita Review", "Neurology", List.of("en")));
    }

    @Test
    void anAdminApprovesAPendingDoctorWhoThenHoldsTheDoctorRole() {
        String id = pendingDoctor();
        given().auth().oauth2(ADMIN).queryParam("status", "pending").when().get("/api/v1/admin/doctors")
                .then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/doctors/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        assertThat(keycloak.rolesOf(id)).containsExactly("doctor");
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/doctors?status=PENDING")
                .then().body("id", not(hasItem(id)));
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/doctors/" + id + "/approve")
                .then().statusCode(409);
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsTheDoctorOutOfTheDirectory() {
        String id = pendingDoctor();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/v1/admin/doctors/" + id + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Licence number not found"))
                .when().post("/api/v1/admin/doctors/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Licence number not found"));

        assertThat(keycloak.rolesOf(id)).isEmpty();
        given().when().get("/api/v1/doctors/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.token(id, List.of(), 60)).when().get("/api/v1/me")
                .then().body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Licence number not found"));
    }

    @Test
    void disablingAnAccountDisablesItInKeycloakToo() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("gone")));

        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/users/" + id + "/disable")
                .then().statusCode(200).body("status", equalTo("DISABLED"));

        assertThat(keycloak.isDisabled(id)).isTrue();
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/users/" + id + "/disable").then().statusCode(409);
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/users/no-such-user/disable").then().statusCode(404);
    }

    @Test
    void nobodyButAnAdminMayApproveRejectDisableOrList() {
        String id = pendingDoctor();
        for (String token : List.of(TestTokens.patient("p-9"), TestTokens.doctor("d-9"))) {
            given().auth().oauth2(token).when().post("/api/v1/admin/doctors/" + id + "/approve").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "no"))
                    .when().post("/api/v1/admin/doctors/" + id + "/reject").then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/v1/admin/users/" + id + "/disable").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/admin/doctors").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token(id, List.of(), 60)).when().get("/api/v1/me")
                .then().body("status", equalTo("PENDING"));
        given().auth().oauth2(ADMIN).queryParam("status", "SLEEPING").when().get("/api/v1/admin/doctors")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
