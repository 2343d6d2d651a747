package io.consulta.chat.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.consulta.chat.ChatFixtures.Chat;
import io.consulta.chat.service.RecentHistory;
import io.consulta.chat.store.ChatMessage;
import io.consulta.common.paging.Page;
import io.consulta.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.consulta.chat.ChatFixtures.newChat;
import static io.consulta.chat.ChatFixtures.newId;
import static io.consulta.chat.ChatFixtures.patientSends;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * History pages served from the newest messages chat-service keeps rendered: the same answer as the store's, newer
 * messages always included, never a page with a sequence number missing, never to a stranger.
 */
@QuarkusTest
class HistoryCacheTest {

    @Inject
    MongoClient mongo;

    @Inject
    MeterRegistry meters;

    @Inject
    HistoryJson historyJson;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void aPageReadAgainComesFromTheCacheWithTheSameBytesAndNewerMessagesOnTop() {
        Chat chat = chatWithMessages("c", 5);
        String token = TestTokens.doctor(chat.doctorId());
        String path = messagesOf(chat);

        double cached = fromCache();
        String fromStore = given().auth().oauth2(token).queryParam("limit", 2).when().get(path)
                .then().statusCode(200).body("items.seq", contains(5, 4)).extract().asString();
        String again = given().auth().oauth2(token).queryParam("limit", 2).when().get(path)
                .then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(fromStore);
        assertThat(fromCache()).isEqualTo(cached + 1);

        patientSends(chat.patientId(), chat.id(), "d", 2);
        given().auth().oauth2(token).queryParam("limit", 2).when().get(path)
                .then().statusCode(200).body("items.seq", contains(7, 6)).body("items[0].clientMessageId", equalTo("d2"))
                .body("nextCursor", equalTo("6"));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("before", 6).when().get(path)
                .then().statusCode(200).body("items.seq", contains(5, 4)).body("nextCursor", equalTo("4"));
        assertThat(fromCache()).isEqualTo(cached + 3);

        given().auth().oauth2(token).queryParam("limit", 2).queryParam("before", 4).when().get(path)
                .then().statusCode(200).body("items.seq", contains(3, 2)).body("nextCursor", equalTo("2"));
        assertThat(fromCache()).as("below what the cache holds: from the store").isEqualTo(cached + 3);
        assertThat(mongo.getDatabase("consulta_chat").getCollection("audit_log").countDocuments(Filters.and(
                Filters.eq("who", chat.doctorId()), Filters.eq("subject", chat.id()),
                Filters.eq("action", "read chat history"), Filters.eq("details.messages", 2))))
                .as("every page audited, from the cache or not").isEqualTo(5);
    }

    @Test
    void aShortConversationIsAnsweredWholeFromTheCacheAndAnEmptyOneToo() {
        Chat chat = newChat();
        String token = TestTokens.patient(chat.patientId());
        String path = messagesOf(chat);
        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        patientSends(chat.patientId(), chat.id(), "s", 3);

        double cached = fromCache();
        given().auth().oauth2(token).when().get(path)
                .then().statusCode(200).body("items.seq", contains(3, 2, 1)).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("before", 3).when().get(path)
                .then().statusCode(200).body("items.seq", contains(2, 1)).body("nextCursor", nullValue());
        assertThat(fromCache()).isEqualTo(cached + 2);
    }

    @Test
    void aPageWithASequenceNumberMissingIsNeverCached() {
        Chat chat = chatWithMessages("g", 6);
        // as if 4 had been given back by a send caught as a retry, or were still being stored
        mongo.getDatabase("consulta_chat").getCollection("messages")
                .deleteOne(Filters.and(Filters.eq("conversationId", chat.id()), Filters.eq("seq", 4L)));
        String token = TestTokens.patient(chat.patientId());
        String path = messagesOf(chat);

        double cached = fromCache();
        for (int read = 0; read < 2; read++) {
            given().auth().oauth2(token).when().get(path).then().statusCode(200).body("items.seq", contains(6, 5, 3, 2, 1));
        }
        assertThat(fromCache()).isEqualTo(cached);
    }

    @Test
    void aSequenceNumberGivenOutButNotStoredSendsTheReadToTheStoreAndTheNextMessageStillShows() {
        Chat chat = chatWithMessages("u", 3);
        String token = TestTokens.patient(chat.patientId());
        String path = messagesOf(chat);
        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("items.seq", contains(3, 2, 1));
        // as a send does between allocating its number and storing the message, or leaves behind when undone
        mongo.getDatabase("consulta_chat").getCollection("conversations")
                .updateOne(Filters.eq("_id", chat.id()), Updates.inc("lastSeq", 1L));

        for (int read = 0; read < 2; read++) {
            given().auth().oauth2(token).when().get(path).then().statusCode(200).body("items.seq", contains(3, 2, 1));
        }

        patientSends(chat.patientId(), chat.id(), "v", 1);
        given().auth().oauth2(token).when().get(path).then().statusCode(200)
                .body("items.seq", contains(5, 3, 2, 1)).body("items[0].clientMessageId", equalTo("v1"));
    }

    @Test
    void historyParametersAreCheckedBeforeAnythingIsReadWithoutEchoingThem() {
        Chat chat = chatWithMessages("p", 1);
        String token = TestTokens.patient(chat.patientId());
        String path = messagesOf(chat);
        Map<String, Object> bad = Map.of("before", "x".repeat(500), "limit", 201);
        bad.forEach((field, value) -> given().auth().oauth2(token).queryParam(field, value).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("xxxxxxxxxx"))));
        for (Object badBefore : List.of(0, -3, "1.5")) {
            given().auth().oauth2(token).queryParam("before", badBefore).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("before"));
        }
        given().auth().oauth2(TestTokens.patient(newId("other"))).queryParam("limit", 0).when().get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aCachedPageIsStillRefusedToStrangers() {
        Chat chat = chatWithMessages("x", 2);
        String path = messagesOf(chat);
        given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get(path).then().statusCode(200);

        for (String stranger : List.of(TestTokens.patient(newId("other")), TestTokens.doctor(newId("other-doc")))) {
            given().auth().oauth2(stranger).when().get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aPageIsWrittenExactlyAsJacksonWritesTheWholePage() throws Exception {
        List<ChatMessage> messages = List.of(
                new ChatMessage("m2", "c1", 2, "u1", "client-2", "Grüße, \"quoted\" \u2013 ok", List.of("media-1"),
                        Instant.parse("2026-11-30T10:00:01.250Z")),
                new ChatMessage("m1", "c1", 1, "u2", "client-1", "", List.of(), Instant.parse("2026-11-30T10:00:00Z")));
        for (String next : new String[]{"1", null}) {
            byte[] expected = objectMapper.writeValueAsBytes(new Page<>(messages.stream().map(MessageView::of).toList(), next));
            byte[] written = historyJson.page(new RecentHistory.Page(messages.stream().map(historyJson::message).toList(), next));
            assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
    }

    /** A new conversation with {@code count} messages its patient sent, their client ids {@code prefix1}, .... */
    private static Chat chatWithMessages(String prefix, int count) {
        Chat chat = newChat();
        patientSends(chat.patientId(), chat.id(), prefix, count);
        return chat;
    }

    private static String messagesOf(Chat chat) {
        return "/api/v1/conversations/" + chat.id() + "/messages";
    }

    private double fromCache() {
        return meters.counter("consulta.chat.history.pages", "source", "cache").count();
    }
}
