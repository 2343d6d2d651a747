package io.consulta.common.identity;

import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.contracts.Topics;
import io.consulta.testing.EventBus;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 16 item 1, the part every service gets from common: a disabled account's still-valid token is refused. */
@QuarkusTest
class DisabledAccountTest {

    @Test
    void aDisabledAccountsTokenIsRefusedWithinSecondsAndOthersAreNot() {
        String mallory = "disabled-" + System.nanoTime();
        String token = TestTokens.patient(mallory);
        String bystander = TestTokens.patient("bystander-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/api/v1/probe/me").then().statusCode(200);

        EventBus.publish(Topics.IDENTITY, IdentityEvents.USER_DISABLED, mallory,
                Map.of("userId", mallory, "role", "patient", "status", "DISABLED", "reason", "abuse"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/probe/me")
                        .then().statusCode(401).contentType("application/problem+json"));
        given().auth().oauth2(bystander).when().get("/api/v1/probe/me").then().statusCode(200);
        assertThat(Announcements.HEARD).contains(mallory);
    }

    @Test
    void otherIdentityEventsDisableNobody() {
        String user = "updated-" + System.nanoTime();
        EventBus.publish(Topics.IDENTITY, IdentityEvents.PROFILE_UPDATED, user, Map.of("userId", user, "role", "patient"));
        String marker = "marker-" + System.nanoTime();
        EventBus.publish(Topics.IDENTITY, IdentityEvents.USER_DISABLED, marker, Map.of("userId", marker));
        await().atMost(Duration.ofSeconds(10)).until(() -> Announcements.HEARD.contains(marker));

        given().auth().oauth2(TestTokens.token(user, List.of("patient"), 300)).when().get("/api/v1/probe/me")
                .then().statusCode(200);
    }

    /** What chat-service does with the announcement (close the account's sockets), here only recorded. */
    @Singleton
    static class Announcements {
        static final List<String> HEARD = new CopyOnWriteArrayList<>();

        void on(@Observes DisabledAccounts.AccountDisabled disabled) {
            HEARD.add(disabled.userId());
        }
    }
}
