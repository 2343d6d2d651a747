package io.consulta.common.identity;

import io.consulta.testing.TestTokens;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** A verified token is reused for its own requests only, and never outlives its expiry. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void theSameTokenKeepsNamingItsOwnCallerOnEveryRequest() {
        String alice = TestTokens.token("alice-" + System.nanoTime(), List.of("doctor"), 300);
        String bob = TestTokens.token("bob-" + System.nanoTime(), List.of("patient"), 300);
        long reusedBefore = verifiedTokens.reused();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).when().get("/api/v1/probe/me")
                    .then().statusCode(200).body("roles", containsInAnyOrder("doctor")).body("doctor", equalTo(true));
            given().auth().oauth2(bob).when().get("/api/v1/probe/me")
                    .then().statusCode(200).body("roles", containsInAnyOrder("patient")).body("doctor", equalTo(false));
        }
        assertThat(verifiedTokens.reused() - reusedBefore).as("requests served by a token verified before").isEqualTo(4);
    }

    @Test
    void whatIsKeptNamesTheCallerAndNothingOfTheRequestThatBroughtTheToken() {
        Object firstRequest = new Object();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("dana")).addRole("doctor")
                .addCredential(new AccessTokenCredential("token-of-dana"))
                .addAttribute("quarkus.identity.expire-time", 1_900_000_000L)
                .addAttribute("io.vertx.ext.web.RoutingContext", firstRequest)
                .addPermissionChecker(permission -> Uni.createFrom().item(true))
                .build();

        SecurityIdentity kept = VerifiedTokens.essentials(verified);

        assertThat(kept.getPrincipal().getName()).isEqualTo("dana");
        assertThat(kept.getRoles()).containsExactly("doctor");
        assertThat(kept.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("token-of-dana");
        assertThat(kept.getAttributes()).containsOnlyKeys("quarkus.identity.expire-time");
        assertThat(kept.checkPermissionBlocking(new StringPermission("anything"))).isFalse();
    }

    @Test
    void aTokenUsedBeforeItExpiredIsRefusedOnceItHas() {
        String shortLived = TestTokens.token("brief-" + System.nanoTime(), List.of("patient"), 2);
        given().auth().oauth2(shortLived).when().get("/api/v1/probe/me").then().statusCode(200);
        given().auth().oauth2(shortLived).when().get("/api/v1/probe/me").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(shortLived).when().get("/api/v1/probe/me").then().statusCode(401));
    }

    @Test
    void aTokenWithAnAlteredSignatureIsNotTakenForTheVerifiedOne() {
        String token = TestTokens.patient("signed-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/api/v1/probe/me").then().statusCode(200);

        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        given().auth().oauth2(altered).when().get("/api/v1/probe/me").then().statusCode(401);
    }

    @Test
    void onlyABearerAuthorizationNamesAToken() {
        assertThat(VerifiedTokens.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(VerifiedTokens.bearerToken("bearer  abc ")).isEqualTo("abc");
        assertThat(VerifiedTokens.bearerToken("Basic YWxhZGRpbjpvcGVuc2VzYW1l")).isNull();
        assertThat(VerifiedTokens.bearerToken("Bearer ")).isNull();
        assertThat(VerifiedTokens.bearerToken("Bearer    ")).isNull();
        assertThat(VerifiedTokens.bearerToken(null)).isNull();
    }
}
