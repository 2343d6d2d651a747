package io.consulta.chat.api;

import io.consulta.chat.ChatFixtures.Chat;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.consulta.chat.ChatClient;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import io.consulta.common.store.ServiceDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.consulta.chat.ChatFixtures.newChat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sequence numbers are allocated for whole batches of sends (one write per conversation, all conversations in one
 * round trip). These tests pin what that must keep: arrival order, no number twice, the unread counts single sends
 * would give, and correct numbers when another replica wrote to the conversation in between.
 */
@QuarkusTest
class SequenceAllocationTest {

    @Inject
    MongoClient mongo;

    @Inject
    ServiceDatabase database;

    private MongoCollection<Document> conversations() {
        return mongo.getDatabase("consulta_chat").getCollection("conversations");
    }

    @Test
    void burstsFromBothSidesGetConsecutiveNumbersInArrivalOrderAndTheUnreadCountsOfSingleSends() {
        Chat chat = newChat();
        try (ChatClient p = ChatClient.connect(RestAssured.port, TestTokens.patient(chat.patientId()));
             ChatClient d = ChatClient.connect(RestAssured.port, TestTokens.doctor(chat.doctorId()))) {
            for (int i = 1; i <= 12; i++) {
                p.send(send(chat.id(), "p-" + i));
                d.send(send(chat.id(), "d-" + i));
            }
            Map<Long, String> senderBySeq = new TreeMap<>();
            List<Long> patientSeqs = acks(p, 12, senderBySeq, chat.patientId());
            List<Long> doctorSeqs = acks(d, 12, senderBySeq, chat.doctorId());

            // each device's messages keep the order they were sent in, and together they fill 1..24
            assertThat(patientSeqs).isSorted();
            assertThat(doctorSeqs).isSorted();
            assertThat(senderBySeq.keySet()).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 24).boxed().toList());
            // each side sees the other's messages in sequence order
            assertThat(seqsOf(d, 12)).containsExactlyElementsOf(patientSeqs);
            assertThat(seqsOf(p, 12)).containsExactlyElementsOf(doctorSeqs);

            // unread: the other side's messages after one's own last one, as if each had been stored alone
            given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(200).body("lastSeq", equalTo(24))
                    .body("unreadCount", equalTo(unreadAfterOwnLast(senderBySeq, chat.patientId())));
            given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(200).body("unreadCount", equalTo(unreadAfterOwnLast(senderBySeq, chat.doctorId())));
        }
    }

    @Test
    void aConversationAnotherReplicaWroteToMeanwhileGetsTheNextFreeNumbers() {
        Chat chat = newChat();
        try (ChatClient p = ChatClient.connect(RestAssured.port, TestTokens.patient(chat.patientId()))) {
            assertThat(p.sendMessage(chat.id(), "first", "one").path("seq").asLong()).isEqualTo(1);

            // another replica allocated 2..6 (this one still believes lastSeq is 1)
            conversations().updateOne(Filters.eq("_id", chat.id()), Updates.inc("lastSeq", 5L));
            long documentsBefore = conversations().countDocuments();

            assertThat(p.sendMessage(chat.id(), "second", "two").path("seq").asLong()).isEqualTo(7);
            assertThat(p.sendMessage(chat.id(), "third", "three").path("seq").asLong()).isEqualTo(8);

            // the refused conditional write created nothing
            assertThat(conversations().countDocuments()).isEqualTo(documentsBefore);
            Document stored = conversations().find(Filters.eq("_id", chat.id())).first();
            assertThat(stored.get("lastSeq", Number.class).longValue()).isEqualTo(8);
            assertThat(stored.get("doctorUnread", Number.class).longValue()).isEqualTo(3);
        }
    }

    private static Map<String, Object> send(String conversationId, String clientMessageId) {
        return Map.of("type", "send", "conversationId", conversationId, "clientMessageId", clientMessageId,
                "text", "text of " + clientMessageId);
    }

    /** The sequence numbers the device's {@code count} sends got, in the order they were sent. */
    private static List<Long> acks(ChatClient device, int count, Map<Long, String> senderBySeq, String userId) {
        Map<Integer, Long> seqBySendOrder = new TreeMap<>();
        for (int i = 1; i <= count; i++) {
            JsonNode ack = device.await("ack");
            assertThat(ack.path("duplicate").asBoolean()).isFalse();
            String clientMessageId = ack.path("clientMessageId").asText();
            seqBySendOrder.put(Integer.parseInt(clientMessageId.substring(clientMessageId.indexOf('-') + 1)),
                    ack.path("seq").asLong());
            assertThat(senderBySeq.put(ack.path("seq").asLong(), userId)).as("seq given twice").isNull();
        }
        assertThat(seqBySendOrder).hasSize(count);
        return new ArrayList<>(seqBySendOrder.values());
    }

    private static List<Long> seqsOf(ChatClient device, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seqs.add(device.await("message").path("seq").asLong());
        }
        return seqs;
    }

    private static int unreadAfterOwnLast(Map<Long, String> senderBySeq, String userId) {
        int unread = 0;
        for (String sender : senderBySeq.values()) {
            unread = sender.equals(userId) ? 0 : unread + 1;
        }
        return unread;
    }

    @Test
    void theSequenceIndexIsMadeOnlyForTheLocalProtocolServer() {
        List<String> indexes = new ArrayList<>();
        conversations().listIndexes().forEach(index -> indexes.add(index.getString("name")));

        assertThat(database.isLocalProtocolServer()).isTrue();
        assertThat(indexes).contains("id_at_seq");
        assertThat(mongo.getDatabase("consulta_chat").runCommand(new Document("buildInfo", 1)))
                .doesNotContainKey("gitVersion");
    }
}
