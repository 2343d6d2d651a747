package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Clinic;
import io.consulta.e2e.support.Faults;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.ManagedProcess;
import io.consulta.localstack.ServiceSpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 12: two chat-service replicas; the one holding the patient's socket is SIGKILLed mid-conversation.
 * The patient reconnects to the other and {@code resume} returns every acknowledged message exactly once; the send
 * that was in flight when the replica died is repeated with its clientMessageId and stored once.
 */
@ExtendWith(StackExtension.class)
@Order(FaultOrder.CHAT_REPLICA_KILLED)
class ChatFailoverJourneyIT {

    private static final ServiceSpec SECOND_REPLICA = new ServiceSpec("chat-service", 8086);

    @Test
    void afterItsReplicaIsKilledThePatientResumesOnTheOtherWithEveryAcknowledgedMessageOnce() {
        Clinic clinic = Clinic.open("failover");
        clinic.book(clinic.patientToken(), clinic.freeSlots().getFirst());
        String conversationId = clinic.conversation();
        ManagedProcess replicaB = StackExtension.stack()
                .startReplica(SECOND_REPLICA, Duration.ofMinutes(2));
        String patient = clinic.patientToken();
        List<String> acknowledged = new ArrayList<>();

        try (ChatSocket doctorOnA = ChatSocket.connect(clinic.doctorToken());
             ChatSocket patientOnB = ChatSocket.connect(patient, SECOND_REPLICA.url())) {
            for (int i = 1; i <= 5; i++) {
                patientOnB.send(send(conversationId, "b-" + i));
                acknowledged.add(patientOnB.await("ack").path("messageId").asText());
            }
            assertThat(doctorOnA.await("message").path("conversationId").asText()).isEqualTo(conversationId);
            patientOnB.send(send(conversationId, "b-in-flight"));
            Faults.kill(replicaB);
        }

        try (ChatSocket patientOnA = ChatSocket.connect(patient)) {
            patientOnA.send(Map.of("type", "resume", "conversationId", conversationId, "lastSeq", 0));
            JsonNode resumed = patientOnA.await("resumed");
            List<JsonNode> messages = patientOnA.takeAll("message");

            assertThat(messages.stream().map(m -> m.path("messageId").asText()).toList())
                    .doesNotHaveDuplicates().containsAll(acknowledged);
            List<JsonNode> inFlight = messages.stream()
                    .filter(m -> "b-in-flight".equals(m.path("clientMessageId").asText())).toList();
            assertThat(inFlight).hasSizeLessThanOrEqualTo(1);
            assertThat(resumed.path("lastSeq").asLong())
                    .isEqualTo(messages.stream().mapToLong(m -> m.path("seq").asLong()).max().orElseThrow());

            patientOnA.send(send(conversationId, "b-in-flight"));
            JsonNode repeated = patientOnA.await("ack");
            if (!inFlight.isEmpty()) {
                assertThat(repeated.path("duplicate").asBoolean()).isTrue();
                assertThat(repeated.path("messageId").asText()).isEqualTo(inFlight.getFirst().path("messageId").asText());
            }
        }
        List<String> stored = Clinic.as(clinic.doctorToken()).queryParam("limit", 50)
                .get(Services.url("chat-service") + "/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("items.clientMessageId", String.class);
        assertThat(stored).containsExactlyInAnyOrder("b-1", "b-2", "b-3", "b-4", "b-5", "b-in-flight");
    }

    private static Map<String, Object> send(String conversationId, String clientMessageId) {
        return Map.of("type", "send", "conversationId", conversationId, "clientMessageId", clientMessageId,
                "text", "Message " + clientMessageId);
    }
}
