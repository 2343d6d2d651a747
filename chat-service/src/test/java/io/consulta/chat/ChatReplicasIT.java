package io.consulta.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.localstack.ChildJvm;
import io.consulta.localstack.ManagedProcess;
import io.consulta.localstack.Probes;
import io.consulta.testing.EventBus;
import io.consulta.testing.KafkaTestResource;
import io.consulta.testing.MongoTestResource;
import io.consulta.testing.TestTokens;
import io.consulta.testing.TokenTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import static io.consulta.chat.ChatFixtures.appointment;
import static io.consulta.chat.ChatFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-service replicas (the packaged jar, twice, on different ports) with one MongoDB and one Kafka, as behind
 * a load balancer without sticky sessions: what happens on one replica reaches sockets held by the other.
 */
class ChatReplicasIT {

    private static final MongoTestResource MONGO = new MongoTestResource();
    private static final KafkaTestResource KAFKA = new KafkaTestResource();
    private static final List<ManagedProcess> REPLICAS = new ArrayList<>();
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        String mongoUri = MONGO.start().get("quarkus.mongodb.connection-string");
        String kafka = KAFKA.start().get("kafka.bootstrap.servers");
        System.setProperty("kafka.bootstrap.servers", kafka);
        portA = freePort();
        portB = freePort();
        try (var starting = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : List.of(portA, portB)) {
                ManagedProcess replica = replica(port, mongoUri, kafka);
                REPLICAS.add(replica);
                starting.submit(() -> {
                    replica.start();
                    replica.awaitReady(Duration.ofSeconds(90));
                    return null;
                });
            }
        }
        for (ManagedProcess replica : REPLICAS) {
            replica.awaitReady(Duration.ofSeconds(1));
        }
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(replica -> replica.stop(Duration.ofSeconds(10)));
        KAFKA.stop();
        MONGO.stop();
    }

    private static ManagedProcess replica(int port, String mongoUri, String kafka) throws IOException {
        int managementPort = freePort();
        Path jar = Path.of(System.getProperty("chat.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        // the "replica-test" profile leaves out the production identity-server URL: tokens are checked against the
        // test key only (TokenTestResource), and e-mail goes to the mock mailer
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable(), "-Xmx192m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=replica-test", "-Dquarkus.mailer.mock=true", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort));
        new TokenTestResource().start().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path target = jar.getParent().getParent();
        return new ManagedProcess("chat-" + port, "http://localhost:" + port, command,
                Map.of("MONGODB_URI", mongoUri, "KAFKA_BOOTSTRAP_SERVERS", kafka, "QUARKUS_MAILER_MOCK", "true"),
                target.resolve("replicas/" + port), target.resolve("replicas/chat-" + port + ".log"),
                Probes.http("http://localhost:" + managementPort + "/q/health/ready"));
    }

    private static String conversation(String patient, String doctor) {
        String appointmentId = newId("appt");
        EventBus.publish("consulta.appointments", "appointment.booked", appointmentId,
                appointment("appointment.booked", appointmentId, patient, doctor));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(TestTokens.patient(patient)).contentType(ContentType.JSON)
                    .body(Map.of("doctorId", doctor)).when().post("http://localhost:" + portA + "/api/v1/conversations");
            assertThat(response.statusCode()).as(response.asString()).isIn(201, 403);
            id[0] = response.path("id");
            return response.statusCode() == 201;
        });
        return id[0];
    }

    @Test
    void messagesReceiptsPresenceAndNotificationsCrossReplicas() {
        String patient = newId("pat");
        String doctor = newId("doc");
        String conversationId = conversation(patient, doctor);
        assertThat(historySeqs(portB, TestTokens.doctor(doctor), conversationId)).as("read on B before any message")
                .isEmpty();

        try (ChatClient patientOnA = ChatClient.connect(portA, TestTokens.patient(patient));
             ChatClient doctorOnB = ChatClient.connect(portB, TestTokens.doctor(doctor));
             ChatClient patientTabletOnB = ChatClient.connect(portB, TestTokens.patient(patient))) {
            JsonNode online = patientOnA.await(f -> "presence".equals(f.path("type").asText())
                    && doctor.equals(f.path("userId").asText()));
            assertThat(online.path("online").asBoolean()).isTrue();

            JsonNode ack = patientOnA.sendMessage(conversationId, "x-1", "Sent on A, read on B");
            JsonNode onB = doctorOnB.await("message");
            assertThat(onB.path("messageId").asText()).isEqualTo(ack.path("messageId").asText());
            assertThat(onB.path("text").asText()).isEqualTo("Sent on A, read on B");
            assertThat(patientTabletOnB.await("message").path("seq").asLong()).isEqualTo(1);

            JsonNode reply = doctorOnB.sendMessage(conversationId, "y-1", "Answered on B");
            assertThat(patientOnA.await("message").path("messageId").asText())
                    .isEqualTo(reply.path("messageId").asText());

            for (int read = 0; read < 2; read++) { // written on both replicas, read (and cached) on each
                assertThat(historySeqs(portB, TestTokens.doctor(doctor), conversationId)).containsExactly(2, 1);
                assertThat(historySeqs(portA, TestTokens.patient(patient), conversationId)).containsExactly(2, 1);
            }

            doctorOnB.send(Map.of("type", "read", "conversationId", conversationId, "seq", 1));
            assertThat(patientOnA.await("read").path("userId").asText()).isEqualTo(doctor);

            doctorOnB.send(Map.of("type", "typing", "conversationId", conversationId));
            assertThat(patientOnA.await("typing").path("userId").asText()).isEqualTo(doctor);

            // the appointment consumer runs on one replica only; the other replica's sockets still hear of it
            String appointmentId = newId("appt");
            EventBus.publish("consulta.appointments", "appointment.rescheduled", appointmentId,
                    appointment("appointment.rescheduled", appointmentId, patient, doctor));
            assertThat(doctorOnB.await("notification").path("notification").path("kind").asText())
                    .isEqualTo("appointment.rescheduled");
            assertThat(patientOnA.await("notification").path("notification").path("kind").asText())
                    .isEqualTo("appointment.rescheduled");
        }
    }

    private static List<Integer> historySeqs(int port, String token, String conversationId) {
        return given().port(port).auth().oauth2(token).when()
                .get("/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("items.seq", Integer.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
