package io.consulta.chat.api;

import io.consulta.chat.ChatFixtures.Chat;
import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.chat.ChatClient;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.contracts.Topics;
import io.consulta.testing.EventBus;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.consulta.chat.ChatFixtures.conversation;
import static io.consulta.chat.ChatFixtures.newChat;
import static io.consulta.chat.ChatFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** /ws/chat with real WebSocket clients: several devices per person, retries, reconnects, abuse. */
@QuarkusTest
class ChatSocketTest {

    private static final Duration QUIET = Duration.ofMillis(700);

    private static int port() {
        return RestAssured.port;
    }

    private static ChatClient patient(String id) {
        return ChatClient.connect(port(), TestTokens.patient(id));
    }

    private static ChatClient doctor(String id) {
        return ChatClient.connect(port(), TestTokens.doctor(id));
    }

    @Test
    void aUserMayHoldTenSocketsTheEleventhIsClosedWithPolicyViolation() {
        String patientId = newId("pat");
        List<ChatClient> devices = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                devices.add(patient(patientId));
            }
            try (ChatClient eleventh = ChatClient.connectWithoutHello(port(), TestTokens.patient(patientId))) {
                assertThat(eleventh.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
                assertThat(eleventh.closeReason()).contains("at most 10");
            }
            try (ChatClient someoneElse = patient(newId("pat"))) {
                assertThat(someoneElse.isClosed()).isFalse();
            }
        } finally {
            devices.forEach(ChatClient::close);
        }
    }

    @Test
    void aDisabledAccountsSocketsAreClosedWithPolicyViolationAndItCannotReconnect() {
        String patientId = newId("pat");
        String token = TestTokens.patient(patientId);
        try (ChatClient phone = ChatClient.connect(port(), token); ChatClient laptop = ChatClient.connect(port(), token);
             ChatClient bystander = patient(newId("pat"))) {
            EventBus.publish(Topics.IDENTITY, IdentityEvents.USER_DISABLED, patientId,
                    Map.of("userId", patientId, "role", "patient", "status", "DISABLED", "reason", "abuse"));

            assertThat(phone.awaitClose(Duration.ofSeconds(15))).isEqualTo(1008);
            assertThat(laptop.awaitClose(Duration.ofSeconds(5))).isEqualTo(1008);
            assertThat(ChatClient.refusal(port(), token)).isEqualTo(401);
            bystander.assertNone("error", QUIET);
        }
    }

    @Test
    void aMessageIsStoredAckedThenDeliveredToEveryOtherDeviceOfBothPeople() {
        Chat chat = newChat();
        try (ChatClient phone = patient(chat.patientId()); ChatClient laptop = patient(chat.patientId());
             ChatClient doctorDesk = doctor(chat.doctorId()); ChatClient doctorTablet = doctor(chat.doctorId())) {

            JsonNode ack = phone.sendMessage(chat.id(), "c-1", "Hello doctor, the rash is spreading");

            assertThat(ack.path("seq").asLong()).isEqualTo(1);
            String messageId = ack.path("messageId").asText();
            for (ChatClient device : List.of(doctorDesk, doctorTablet, laptop)) {
                JsonNode message = device.await("message");
                assertThat(message.path("messageId").asText()).isEqualTo(messageId);
                assertThat(message.path("conversationId").asText()).isEqualTo(chat.id());
                assertThat(message.path("seq").asLong()).isEqualTo(1);
                assertThat(message.path("senderId").asText()).isEqualTo(chat.patientId());
                assertThat(message.path("text").asText()).isEqualTo("Hello doctor, the rash is spreading");
            }
            phone.assertNone("message", QUIET);

            // persisted before delivery: history already has it
            given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id() + "/messages")
                    .then().statusCode(200).body("items[0].id", equalTo(messageId));
        }
    }

    @Test
    void messagesArriveInSequenceOrder() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            for (int i = 1; i <= 15; i++) {
                p.send(Map.of("type", "send", "conversationId", chat.id(), "clientMessageId", "m-" + i, "text", "n" + i));
            }
            for (int i = 1; i <= 15; i++) {
                JsonNode message = d.await("message");
                assertThat(message.path("seq").asLong()).isEqualTo(i);
                assertThat(message.path("text").asText()).isEqualTo("n" + i);
            }
        }
    }

    @Test
    void theSameClientMessageIdTwiceStoresOneMessage() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            JsonNode first = p.sendMessage(chat.id(), "retry-1", "Is 10 mg right?");
            JsonNode retry = p.sendMessage(chat.id(), "retry-1", "Is 10 mg right?");

            assertThat(first.path("duplicate").asBoolean()).isFalse();
            assertThat(retry.path("duplicate").asBoolean()).isTrue();
            assertThat(retry.path("messageId").asText()).isEqualTo(first.path("messageId").asText());
            assertThat(retry.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
            d.await("message");
            d.assertNone("message", QUIET);

            // the next message is not held back by the number the retry used up
            long before = System.nanoTime();
            p.sendMessage(chat.id(), "after-retry", "And another question");
            JsonNode next = d.await("message");
            assertThat(next.path("text").asText()).isEqualTo("And another question");
            assertThat(next.path("seq").asLong()).isGreaterThan(first.path("seq").asLong());
            assertThat(System.nanoTime() - before).isLessThan(250_000_000L);
        }
        given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/" + chat.id() + "/messages")
                .then().statusCode(200).body("items.clientMessageId", org.hamcrest.Matchers.contains("after-retry", "retry-1"));
        // the retry leaves no trace for the reader: two messages, two unread, the newest last
        given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id())
                .then().statusCode(200).body("unreadCount", equalTo(2))
                .body("lastMessage.text", equalTo("And another question"));
    }

    @Test
    void resumingAfterADisconnectDeliversEverythingMissedThenLiveMessages() {
        Chat chat = newChat();
        try (ChatClient d = doctor(chat.doctorId())) {
            long lastSeen;
            try (ChatClient p = patient(chat.patientId())) {
                d.sendMessage(chat.id(), "before", "How are you today?");
                lastSeen = p.await("message").path("seq").asLong();
            }
            for (int i = 1; i <= 3; i++) {
                d.sendMessage(chat.id(), "offline-" + i, "While you were away " + i);
            }
            try (ChatClient p = patient(chat.patientId())) {
                p.send(Map.of("type", "resume", "conversationId", chat.id(), "lastSeq", lastSeen));
                for (int i = 1; i <= 3; i++) {
                    JsonNode missed = p.await("message");
                    assertThat(missed.path("seq").asLong()).isEqualTo(lastSeen + i);
                    assertThat(missed.path("text").asText()).isEqualTo("While you were away " + i);
                }
                JsonNode resumed = p.await("resumed");
                assertThat(resumed.path("lastSeq").asLong()).isEqualTo(lastSeen + 3);
                assertThat(resumed.path("more").asBoolean()).isFalse();

                d.sendMessage(chat.id(), "live", "And now live");
                assertThat(p.await("message").path("text").asText()).isEqualTo("And now live");
            }
        }
    }

    @Test
    void readReceiptsReachTheSenderAndClearTheUnreadCount() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            p.sendMessage(chat.id(), "r-1", "One");
            long seq = p.sendMessage(chat.id(), "r-2", "Two").path("seq").asLong();
            d.await("message");
            d.await("message");
            given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(200).body("unreadCount", equalTo(2));

            d.send(Map.of("type", "read", "conversationId", chat.id(), "seq", seq));

            JsonNode receipt = p.await("read");
            assertThat(receipt.path("userId").asText()).isEqualTo(chat.doctorId());
            assertThat(receipt.path("seq").asLong()).isEqualTo(seq);
            given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(200).body("unreadCount", equalTo(0)).body("readSeq", equalTo((int) seq));
            given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(200).body("counterpartReadSeq", equalTo((int) seq));
        }
    }

    @Test
    void typingIsForwardedButThinnedOutAndNeverStored() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            for (int i = 0; i < 5; i++) {
                p.send(Map.of("type", "typing", "conversationId", chat.id()));
            }
            JsonNode typing = d.await("typing");
            assertThat(typing.path("userId").asText()).isEqualTo(chat.patientId());
            assertThat(typing.path("conversationId").asText()).isEqualTo(chat.id());
            d.assertNone("typing", QUIET);
            p.assertNone("error", Duration.ZERO);
        }
        given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/" + chat.id() + "/messages")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void presenceTellsTheOtherPersonWhoIsOnline() {
        String patientId = newId("pat");
        String doctorId = newId("doc");
        conversation(patientId, doctorId);
        try (ChatClient p = patient(patientId)) {
            try (ChatClient d = doctor(doctorId)) {
                JsonNode online = p.await(f -> "presence".equals(f.path("type").asText()) && f.path("online").asBoolean());
                assertThat(online.path("userId").asText()).isEqualTo(doctorId);
                // the newcomer learns who is already online
                JsonNode already = d.await("presence");
                assertThat(already.path("userId").asText()).isEqualTo(patientId);
                assertThat(already.path("online").asBoolean()).isTrue();
            }
            JsonNode offline = p.await(f -> "presence".equals(f.path("type").asText()) && !f.path("online").asBoolean());
            assertThat(offline.path("userId").asText()).isEqualTo(doctorId);
        }
    }

    @Test
    void aStrangerCannotWriteResumeTypeOrMarkReadInSomeoneElsesConversation() {
        Chat chat = newChat();
        String strangerId = newId("mallory");
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId());
             ChatClient stranger = ChatClient.connect(port(), TestTokens.patient(strangerId));
             ChatClient otherDoctor = doctor(newId("doc"))) {
            p.sendMessage(chat.id(), "private", "Private symptoms");
            d.await("message");

            for (Map<String, Object> frame : List.<Map<String, Object>>of(
                    Map.of("type", "send", "conversationId", chat.id(), "clientMessageId", "x", "text", "hi"),
                    Map.of("type", "resume", "conversationId", chat.id(), "lastSeq", 0),
                    Map.of("type", "typing", "conversationId", chat.id()),
                    Map.of("type", "read", "conversationId", chat.id(), "seq", 1))) {
                stranger.send(frame);
                assertThat(stranger.await("error").path("code").asText()).isEqualTo("not-found");
            }
            stranger.assertNone("message", QUIET);
            otherDoctor.assertNone("message", Duration.ZERO);
        }
        given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/" + chat.id() + "/messages")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void badFramesGetAnErrorFrameAndNobodysSocketCloses() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            p.sendRaw("this is not json");
            assertThat(p.await("error").path("code").asText()).isEqualTo("bad-frame");
            p.sendRaw("[1,2,3]");
            assertThat(p.await("error").path("code").asText()).isEqualTo("bad-frame");
            p.sendRaw("{\"text\":\"no type\"}");
            assertThat(p.await("error").path("code").asText()).isEqualTo("bad-frame");
            p.send(Map.of("type", "shout", "conversationId", chat.id()));
            assertThat(p.await("error").path("code").asText()).isEqualTo("unknown-type");
            p.send(Map.of("type", "send", "conversationId", chat.id(), "text", "no client id"));
            JsonNode invalid = p.await("error");
            assertThat(invalid.path("code").asText()).isEqualTo("invalid");
            assertThat(invalid.path("message").asText()).contains("clientMessageId");
            p.send(Map.of("type", "send", "conversationId", chat.id(), "clientMessageId", "empty", "text", "   "));
            assertThat(p.await("error").path("code").asText()).isEqualTo("invalid");
            p.send(Map.of("type", "read", "conversationId", chat.id(), "seq", "lots"));
            assertThat(p.await("error").path("code").asText()).isEqualTo("invalid");
            p.send(Map.of("type", "send", "conversationId", chat.id(), "clientMessageId", "has spaces", "text", "x"));
            assertThat(p.await("error").path("ref").asText()).isEqualTo("has spaces");

            assertThat(p.isClosed()).isFalse();
            assertThat(d.isClosed()).isFalse();
            d.sendMessage(chat.id(), "still-fine", "Still here?");
            assertThat(p.await("message").path("text").asText()).isEqualTo("Still here?");
        }
    }

    @Test
    void anOversizeMessageIsRefusedAndNothingIsStored() {
        Chat chat = newChat();
        try (ChatClient p = patient(chat.patientId()); ChatClient d = doctor(chat.doctorId())) {
            p.send(Map.of("type", "send", "conversationId", chat.id(), "clientMessageId", "big", "text", "x".repeat(4001)));
            JsonNode error = p.await("error");
            assertThat(error.path("code").asText()).isEqualTo("too-long");
            assertThat(error.path("ref").asText()).isEqualTo("big");
            d.assertNone("message", QUIET);

            JsonNode ack = p.sendMessage(chat.id(), "exact", "y".repeat(4000));
            assertThat(ack.path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aFloodOfFramesIsRateLimitedPerConnection() {
        Chat chat = newChat();
        try (ChatClient flood = patient(chat.patientId()); ChatClient calm = doctor(chat.doctorId())) {
            for (int i = 0; i < 80; i++) {
                flood.send(Map.of("type", "typing", "conversationId", chat.id()));
            }
            JsonNode limited = flood.await("error");
            assertThat(limited.path("code").asText()).isEqualTo("rate-limited");
            // other connections keep their own budget
            assertThat(calm.sendMessage(chat.id(), "calm", "Fine here").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theUpgradeNeedsAValidToken() {
        assertThat(ChatClient.refusal(port(), null)).isEqualTo(401);
        assertThat(ChatClient.refusal(port(), TestTokens.forged("mallory", List.of("patient")))).isEqualTo(401);
        assertThat(ChatClient.refusal(port(), TestTokens.expired("late", List.of("patient")))).isEqualTo(401);
        assertThat(ChatClient.refusal(port(), "not-a-jwt")).isEqualTo(401);
    }

    @Test
    void browsersAuthenticateThroughTheSubprotocolHeader() {
        String patientId = newId("pat");
        try (ChatClient browser = ChatClient.connectWithSubprotocol(port(), TestTokens.patient(patientId))) {
            assertThat(browser.subprotocol()).isEqualTo("bearer-token-carrier");
        }
        JsonNode hello;
        try (ChatClient browser = ChatClient.connectWithSubprotocol(port(), TestTokens.patient(patientId))) {
            browser.send(Map.of("type", "typing", "conversationId", "nope"));
            hello = browser.await("error");
        }
        assertThat(hello.path("code").asText()).isEqualTo("not-found");
    }

    @Test
    void anExpiringTokenClosesTheSocketWithPolicyViolation() {
        String patientId = newId("pat");
        try (ChatClient p = ChatClient.connect(port(), TestTokens.token(patientId, List.of("patient"), 2))) {
            int code = p.awaitClose(Duration.ofSeconds(10));
            assertThat(code).isEqualTo(1008);
            assertThat(p.closeReason()).isEqualTo("Authentication expired");
        }
    }

    @Test
    void aFreshTokenOfTheSameUserKeepsTheSocketOpen() throws InterruptedException {
        String patientId = newId("pat");
        try (ChatClient p = ChatClient.connect(port(), TestTokens.token(patientId, List.of("patient"), 3))) {
            p.send(Map.of("type", "auth", "token", TestTokens.doctor("someone-else")));
            assertThat(p.await("error").path("code").asText()).isEqualTo("unauthorized");

            p.send(Map.of("type", "auth", "token", TestTokens.token(patientId, List.of("patient"), 60)));
            assertThat(p.await("auth").path("expiresAt").asText()).isNotBlank();
            Thread.sleep(4_000);
            assertThat(p.isClosed()).isFalse();
        }
    }
}
