package io.consulta.auth;

import io.consulta.testing.Management;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Every test starts against a ready service, as traffic reaches a replica only once it is ready: the doctor directory
 * is loaded beside the start (DoctorDirectory), so the first test could otherwise run before it is there.
 */
public class AwaitReadiness implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().baseUri(Management.uri()).when().get("/q/health/ready").statusCode() == 200);
    }
}
