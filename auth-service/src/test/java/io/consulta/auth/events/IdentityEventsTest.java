package io.consulta.auth.events;

import io.consulta.testing.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.auth.SignUps;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdentityEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonNode awaitEvent(String type, String userId) {
        return EventContracts.awaitValidEvent("consulta.identity", type, userId, WAIT);
    }

    @Test
    void signUpPublishesTheProfileWithoutThePassword() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("evented")));

        JsonNode event = awaitEvent("user.registered", id);

        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/auth-service");
        assertThat(event.path("data").path("userId").asText()).isEqualTo(id);
        assertThat(event.path("data").path("role").asText()).isEqualTo("patient");
        assertThat(event.path("data").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(event.path("data").path("dateOfBirth").asText()).isEqualTo("1990-04-12");
        assertThat(event.toString()).doesNotContain(SignUps.PASSWORD).doesNotContain("password");
    }

    @Test
    void approvalRejectionProfileChangesAndDisablingArePublished() {
        String approved = SignUps.approvedDoctor("Eve Event", "Oncology", List.of("en"));
        JsonNode approval = awaitEvent("doctor.approved", approved);
        assertThat(approval.path("data").path("specialty").asText()).isEqualTo("Oncology");
        assertThat(approval.path("data").path("licenceNumber").asText()).startsWith("MED-");
        assertThat(approval.path("data").has("dateOfBirth")).isFalse();

        String rejected = SignUps.register(SignUps.doctor(SignUps.uniqueEmail("nope"), "Ned Nope", "Oncology", List.of("en")));
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType(ContentType.JSON).body(Map.of("reason", "Unverifiable"))
                .when().post("/api/v1/admin/doctors/" + rejected + "/reject").then().statusCode(200);
        assertThat(awaitEvent("doctor.rejected", rejected).path("data").path("reason").asText()).isEqualTo("Unverifiable");

        given().auth().oauth2(TestTokens.doctor(approved)).contentType(ContentType.JSON)
                .body(Map.of("name", "Eve Renamed", "specialty", "Oncology", "version", 1))
                .when().put("/api/v1/me").then().statusCode(200);
        assertThat(awaitEvent("profile.updated", approved).path("data").path("name").asText()).isEqualTo("Eve Renamed");

        given().auth().oauth2(TestTokens.admin("admin-1")).when().post("/api/v1/admin/users/" + approved + "/disable")
                .then().statusCode(200);
        assertThat(awaitEvent("user.disabled", approved).path("data").path("userId").asText()).isEqualTo(approved);
    }

    @Test
    void aPatientsChangedDateOfBirthIsInTheEvent() {
        String id = SignUps.register(SignUps.patient(SignUps.uniqueEmail("born")));

        given().auth().oauth2(TestTokens.patient(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "Paula Patient", "dateOfBirth", "1991-05-13", "version", 0))
                .when().put("/api/v1/me").then().statusCode(200);

        JsonNode updated = awaitEvent("profile.updated", id);
        assertThat(updated.path("data").path("dateOfBirth").asText()).isEqualTo("1991-05-13");
        assertThat(updated.path("data").has("licenceNumber")).isFalse();
    }
}
