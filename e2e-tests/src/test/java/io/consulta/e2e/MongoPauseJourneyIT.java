package io.consulta.e2e;

import io.consulta.e2e.support.Clinic;
import io.consulta.e2e.support.Faults;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16 item 11: the MongoDB-protocol server frozen for 10 s (SIGSTOP: it holds every connection and answers
 * nothing, so clients must time out — the e2e stack's database is in memory, a real restart would empty it). Requests
 * answer 503 problem+json with Retry-After within seconds, readiness goes down and comes back, and what was
 * acknowledged before is all there afterwards.
 */
@ExtendWith(StackExtension.class)
@Order(FaultOrder.MONGODB_PAUSED)
class MongoPauseJourneyIT {

    private static final Duration PAUSE = Duration.ofSeconds(10);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);
    private static final Map<String, String> READS = Map.of(
            "auth-service", "/api/v1/me",
            "appointment-service", "/api/v1/appointments",
            "chat-service", "/api/v1/notifications");

    @Test
    void whileTheDatabaseIsFrozenRequestsAnswer503QuicklyAndNothingAcknowledgedIsLost() throws Exception {
        Clinic clinic = Clinic.open("mongo");
        String patient = clinic.patientToken();
        String appointmentId = clinic.book(patient, clinic.freeSlots().getFirst());
        given().auth().oauth2(patient).get(Services.url("auth-service") + "/api/v1/me").then().statusCode(200);

        long pausedAt = System.nanoTime();
        Faults.pause("mongodb");
        try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Timed>> answers = READS.entrySet().stream()
                    .map(read -> parallel.submit(() -> timed(patient, Services.url(read.getKey()) + read.getValue())))
                    .toList();
            for (Future<Timed> answer : answers) {
                Timed timed = answer.get();
                assertThat(timed.took()).as(timed.url()).isLessThan(ANSWER_WITHIN);
                assertThat(timed.response().statusCode()).as(timed.url()).isEqualTo(503);
                assertThat(timed.response().contentType()).startsWith("application/problem+json");
                assertThat(timed.response().header("Retry-After")).isNotBlank();
                assertThat(timed.response().jsonPath().getInt("status")).isEqualTo(503);
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (String service : READS.keySet()) {
                    assertThat(readiness(service)).as(service + " readiness while the database is frozen")
                            .isEqualTo(503);
                }
            });
        } finally {
            Duration left = PAUSE.minus(Duration.ofNanos(System.nanoTime() - pausedAt));
            if (!left.isNegative()) {
                Thread.sleep(left);
            }
            Faults.resume("mongodb");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String service : List.of("auth-service", "appointment-service", "chat-service", "notes-service",
                    "media-service")) {
                assertThat(readiness(service)).as(service + " readiness after the database is back").isEqualTo(200);
            }
        });
        given().auth().oauth2(patient).get(Services.url("appointment-service") + "/api/v1/appointments/" + appointmentId)
                .then().statusCode(200).body("id", equalTo(appointmentId)).body("status", equalTo("booked"));
        given().auth().oauth2(patient).get(Services.url("auth-service") + "/api/v1/me")
                .then().statusCode(200).body("id", equalTo(clinic.patientId()));
    }

    private record Timed(String url, Response response, Duration took) {
    }

    private static Timed timed(String token, String url) {
        long started = System.nanoTime();
        Response response = given().auth().oauth2(token).get(url);
        return new Timed(url, response, Duration.ofNanos(System.nanoTime() - started));
    }

    private static int readiness(String service) {
        return given().get(Services.managementUrl(service) + "/q/health/ready").statusCode();
    }
}
