package io.consulta.e2e;

import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static io.consulta.e2e.support.Clinic.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 item 1: after an admin disables an account, its still-valid token is refused by all five services within
 * seconds, and chat-service closes its open socket with 1008.
 */
@ExtendWith(StackExtension.class)
class DisabledAccountJourneyIT {


    @Test
    void aDisabledPatientIsRefusedEverywhereWithinSecondsAndTheirSocketCloses() {
        String email = "disabled-" + UUID.randomUUID() + "@journey.test";
        String userId = Realm.createUser(email, PASSWORD, "Dan Disabled", "patient");
        String token = Realm.token(email, PASSWORD);
        given().auth().oauth2(token).get(Services.url("auth-service") + "/api/v1/me").then().statusCode(200);
        Services.SIGNED_IN_ENDPOINTS.forEach((service, path) ->
                assertThat(given().auth().oauth2(token).get(Services.url(service) + path).statusCode())
                        .as(service).isNotIn(401, 403, 500));

        try (ChatSocket socket = ChatSocket.connect(token)) {
            String admin = Realm.token(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
            given().auth().oauth2(admin).post(Services.url("auth-service") + "/api/v1/admin/users/" + userId + "/disable")
                    .then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    Services.SIGNED_IN_ENDPOINTS.forEach((service, path) ->
                            assertThat(given().auth().oauth2(token).get(Services.url(service) + path).statusCode())
                                    .as(service + " with the disabled account's token").isEqualTo(401)));
            assertThat(socket.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
        }
    }
}
