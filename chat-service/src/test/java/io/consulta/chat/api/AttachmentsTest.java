package io.consulta.chat.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.chat.ChatClient;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.consulta.chat.ChatFixtures.conversation;
import static io.consulta.chat.ChatFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message's mediaIds: only files media-service announced (media.uploaded), not deleted since, and about the
 * conversation's patient. Anything else is refused with an error frame, and nothing is stored.
 */
@QuarkusTest
class AttachmentsTest {

    @Test
    void onlyKnownFilesAboutTheConversationsPatientCanBeAttached() {
        String alice = newId("alice");
        String bob = newId("bob");
        String house = newId("dr-house");
        String conversationId = conversation(alice, house);
        String bobsPhoto = uploaded(bob, bob);
        String deletedPhoto = uploaded(alice, alice);
        EventBus.publish("consulta.media", "media.deleted", deletedPhoto, EventContracts.example("media.deleted",
                Map.of("mediaId", deletedPhoto, "patientId", alice, "deletedBy", alice)));
        String alicesPhoto = uploaded(alice, alice);
        String housesScan = uploaded(alice, house);

        try (ChatClient phone = ChatClient.connect(RestAssured.port, TestTokens.patient(alice));
             ChatClient desk = ChatClient.connect(RestAssured.port, TestTokens.doctor(house))) {
            // media events reach chat asynchronously, over several partitions: a file to accept is sent until it is known
            JsonNode ack = ackedOnceKnown(phone, conversationId, alicesPhoto);
            JsonNode delivered = desk.await(frame -> "message".equals(frame.path("type").asText())
                    && frame.path("messageId").asText().equals(ack.path("messageId").asText()));
            assertThat(delivered.path("mediaIds").get(0).asText()).isEqualTo(alicesPhoto);

            assertRefused(send(phone, conversationId, "unknown", "media-never-uploaded"));
            assertRefused(send(phone, conversationId, "bobs", bobsPhoto));
            assertRefused(send(desk, conversationId, "bobs-by-doctor", bobsPhoto));
            assertRefused(send(phone, conversationId, "deleted", deletedPhoto));
            assertThat(ackedOnceKnown(desk, conversationId, housesScan).path("clientMessageId").asText()).startsWith("c-");
        }
        List<String> stored = RestAssured.given().auth().oauth2(TestTokens.patient(alice))
                .get("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(200)
                .extract().path("items.clientMessageId");
        assertThat(stored).hasSize(2).doesNotContain("unknown", "bobs", "bobs-by-doctor", "deleted");
    }

    /** Sends the file until chat's media projection knows it (media events reach chat asynchronously). */
    private static JsonNode ackedOnceKnown(ChatClient client, String conversationId, String mediaId) {
        JsonNode[] ack = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ack[0] = send(client, conversationId, newId("c"), mediaId);
            return ack[0].path("type").asText().equals("ack");
        });
        return ack[0];
    }

    private static String uploaded(String patientId, String uploadedBy) {
        String mediaId = newId("media");
        EventBus.publish("consulta.media", "media.uploaded", mediaId, EventContracts.example("media.uploaded",
                Map.of("mediaId", mediaId, "patientId", patientId, "uploadedBy", uploadedBy)));
        return mediaId;
    }

    /** Sends one message with one attachment; returns the ack or the error frame answering it. */
    private static JsonNode send(ChatClient client, String conversationId, String clientMessageId, String mediaId) {
        client.send(Map.of("type", "send", "conversationId", conversationId, "clientMessageId", clientMessageId,
                "text", "see attached", "mediaIds", List.of(mediaId)));
        return client.await(frame -> ("ack".equals(frame.path("type").asText())
                && clientMessageId.equals(frame.path("clientMessageId").asText()))
                || ("error".equals(frame.path("type").asText()) && clientMessageId.equals(frame.path("ref").asText())));
    }

    private static void assertRefused(JsonNode answer) {
        assertThat(answer.path("type").asText()).isEqualTo("error");
        assertThat(answer.path("code").asText()).isEqualTo("invalid");
        assertThat(answer.path("message").asText()).startsWith("mediaIds:");
    }
}
