package io.consulta.chat.api;

import io.consulta.chat.ChatFixtures.Chat;
import io.consulta.testing.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.consulta.chat.ChatClient;
import io.consulta.testing.EventBus;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.consulta.chat.ChatFixtures.appointment;
import static io.consulta.chat.ChatFixtures.book;
import static io.consulta.chat.ChatFixtures.conversation;
import static io.consulta.chat.ChatFixtures.newChat;
import static io.consulta.chat.ChatFixtures.newId;
import static io.consulta.chat.ChatFixtures.patientSends;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The conversations API as a patient's or doctor's app uses it; every endpoint also refuses strangers. */
@QuarkusTest
class ConversationApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    MongoClient mongo;

    private static io.restassured.response.Response open(String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/conversations");
    }

    @Test
    void aPatientOpensAConversationOnlyWithADoctorTheyHaveAnAppointmentWith() {
        String patient = newId("pat");
        String doctor = newId("doc");
        open(TestTokens.patient(patient), Map.of("doctorId", doctor))
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("care relationship"));

        book(patient, doctor);
        String[] id = new String[1];
        await().atMost(WAIT).untilAsserted(() -> id[0] = open(TestTokens.patient(patient), Map.of("doctorId", doctor))
                .then().statusCode(201).header("Location", containsString("/api/v1/conversations/"))
                .body("patientId", equalTo(patient)).body("doctorId", equalTo(doctor))
                .body("counterpartId", equalTo(doctor)).body("startedBy", equalTo(patient))
                .body("lastSeq", equalTo(0)).body("unreadCount", equalTo(0)).body("lastMessage", nullValue())
                .extract().path("id"));

        // one conversation per pair: opening again, from either side, returns the same one
        open(TestTokens.patient(patient), Map.of("doctorId", doctor)).then().statusCode(200).body("id", equalTo(id[0]));
        open(TestTokens.doctor(doctor), Map.of("patientId", patient)).then().statusCode(200).body("id", equalTo(id[0]));

        JsonNode started = EventContracts.awaitValidEvent("consulta.chat", "conversation.started", id[0], WAIT);
        assertThat(started.path("data").path("doctorId").asText()).isEqualTo(doctor);
        assertThat(started.path("data").path("patientId").asText()).isEqualTo(patient);
        assertThat(started.path("data").path("conversationId").asText()).isEqualTo(id[0]);
    }

    @Test
    void aDoctorOpensAConversationWithTheirPatientButNotWithSomeoneElsesAndACancellationEndsTheRight() {
        String patient = newId("pat");
        String doctor = newId("doc");
        String otherDoctor = newId("doc");
        String appointment = book(patient, doctor);
        await().atMost(WAIT).untilAsserted(() ->
                open(TestTokens.doctor(doctor), Map.of("patientId", patient)).then().statusCode(201));
        open(TestTokens.doctor(otherDoctor), Map.of("patientId", patient)).then().statusCode(403);

        String patient2 = newId("pat");
        String appointment2 = book(patient2, doctor);
        EventBus.publish("consulta.appointments", "appointment.cancelled", appointment2,
                appointment("appointment.cancelled", appointment2, patient2, doctor));
        // the booking and its cancellation are both applied: no relationship is left
        await().atMost(WAIT).pollDelay(Duration.ofSeconds(1)).untilAsserted(() ->
                open(TestTokens.doctor(doctor), Map.of("patientId", patient2)).then().statusCode(403));
        assertThat(appointment).isNotEqualTo(appointment2);
    }

    @Test
    void badOpeningRequestsAreClearProblems() {
        String patient = newId("pat");
        open(TestTokens.patient(patient), Map.of()).then().statusCode(400).contentType(PROBLEM);
        open(TestTokens.patient(patient), Map.of("patientId", "someone")).then().statusCode(400).contentType(PROBLEM);
        open(TestTokens.patient(patient), Map.of("doctorId", patient)).then().statusCode(400).contentType(PROBLEM);
        open(TestTokens.patient(patient), Map.of("doctorId", "d".repeat(65))).then().statusCode(400).contentType(PROBLEM);
        open(TestTokens.admin(newId("adm")), Map.of("doctorId", "doc-x")).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.patient(patient)).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.patient(patient)).contentType(ContentType.JSON)
                .when().post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theListShowsOnlyMyConversationsWithLastMessageAndUnreadCountNewestFirst() {
        String patient = newId("pat");
        String doctorA = newId("doc");
        String doctorB = newId("doc");
        String withA = conversation(patient, doctorA);
        String withB = conversation(patient, doctorB);
        try (ChatClient a = ChatClient.connect(RestAssured.port, TestTokens.doctor(doctorA));
             ChatClient b = ChatClient.connect(RestAssured.port, TestTokens.doctor(doctorB))) {
            b.sendMessage(withB, "b1", "Results are in");
            a.sendMessage(withA, "a1", "See you Tuesday");
            a.sendMessage(withA, "a2", "Bring your medication list");
        }

        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/conversations")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(withA))
                .body("items[0].counterpartId", equalTo(doctorA))
                .body("items[0].lastMessage.text", equalTo("Bring your medication list"))
                .body("items[0].lastMessage.seq", equalTo(2))
                .body("items[0].lastMessage.senderId", equalTo(doctorA))
                .body("items[0].unreadCount", equalTo(2))
                .body("items[1].id", equalTo(withB))
                .body("items[1].unreadCount", equalTo(1))
                .body("nextCursor", nullValue());

        String cursor = given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 1)
                .when().get("/api/v1/conversations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(withA)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 1).queryParam("cursor", cursor)
                .when().get("/api/v1/conversations").then().statusCode(200)
                .body("items[0].id", equalTo(withB)).body("nextCursor", nullValue());

        given().auth().oauth2(TestTokens.doctor(doctorA)).when().get("/api/v1/conversations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(withA))
                .body("items[0].unreadCount", equalTo(0));
        given().auth().oauth2(TestTokens.patient(newId("stranger"))).when().get("/api/v1/conversations")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.admin(newId("adm"))).when().get("/api/v1/conversations")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void someoneOnBothSidesSeesEveryConversationOfTheirsInOneActivityOrderAcrossPages() {
        Chat withOwnPatient = newChat();
        String doctorWhoIsAlsoAPatient = withOwnPatient.doctorId();
        String ownDoctor = newId("doc");
        String asPatient = conversation(doctorWhoIsAlsoAPatient, ownDoctor);
        String stranger = conversation(newId("pat"), ownDoctor);
        patientSends(withOwnPatient.patientId(), withOwnPatient.id(), "later", 1);
        String token = TestTokens.doctor(doctorWhoIsAlsoAPatient);

        given().auth().oauth2(token).when().get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(withOwnPatient.id(), asPatient))
                .body("items.counterpartId", org.hamcrest.Matchers.contains(withOwnPatient.patientId(), ownDoctor));
        String cursor = given().auth().oauth2(token).queryParam("limit", 1).when().get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(withOwnPatient.id()))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(asPatient))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(stranger)))
                .body("nextCursor", nullValue());
    }

    @Test
    void listParametersAreChecked() {
        String me = newId("pat");
        given().auth().oauth2(TestTokens.patient(me)).queryParam("limit", 0).when().get("/api/v1/conversations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TestTokens.patient(me)).queryParam("limit", 101).when().get("/api/v1/conversations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.patient(me)).queryParam("limit", "many").when().get("/api/v1/conversations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.patient(me)).queryParam("cursor", "garbage!").when().get("/api/v1/conversations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void historyIsPagedBySequenceNumberNewestFirstAndEveryReadIsAudited() {
        Chat chat = newChat();
        patientSends(chat.patientId(), chat.id(), "h", 5);
        String path = "/api/v1/conversations/" + chat.id() + "/messages";
        String next = given().auth().oauth2(TestTokens.doctor(chat.doctorId())).queryParam("limit", 2).when().get(path)
                .then().statusCode(200)
                .body("items.seq", org.hamcrest.Matchers.contains(5, 4))
                .body("items[0].text", equalTo("message 5"))
                .body("items[0].senderId", equalTo(chat.patientId()))
                .body("items[0].clientMessageId", equalTo("h5"))
                .body("nextCursor", equalTo("4")).extract().path("nextCursor");
        given().auth().oauth2(TestTokens.doctor(chat.doctorId())).queryParam("limit", 2).queryParam("before", next).when().get(path)
                .then().statusCode(200).body("items.seq", org.hamcrest.Matchers.contains(3, 2)).body("nextCursor", equalTo("2"));
        given().auth().oauth2(TestTokens.doctor(chat.doctorId())).queryParam("limit", 2).queryParam("before", 2).when().get(path)
                .then().statusCode(200).body("items.seq", org.hamcrest.Matchers.contains(1)).body("nextCursor", nullValue());

        long audited = mongo.getDatabase("consulta_chat").getCollection("audit_log")
                .countDocuments(Filters.and(Filters.eq("who", chat.doctorId()), Filters.eq("subject", chat.id()),
                        Filters.eq("action", "read chat history")));
        assertThat(audited).isEqualTo(3);
        Document entry = mongo.getDatabase("consulta_chat").getCollection("audit_log")
                .find(Filters.eq("who", chat.doctorId())).first();
        assertThat(entry.getDate("at")).isNotNull();
    }

    @Test
    void aFullHistoryPageIsSentInOnePieceWithItsLength() {
        Chat chat = newChat();
        patientSends(chat.patientId(), chat.id(), "whole-page-message-", 40);

        var response = given().auth().oauth2(TestTokens.patient(chat.patientId()))
                .when().get("/api/v1/conversations/" + chat.id() + "/messages")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(40)).extract();

        byte[] body = response.asByteArray();
        assertThat(body.length).isGreaterThan(8192);
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(body.length));
    }

    @Test
    void aHistoryPageIsFilledAcrossSequenceNumbersThatHoldNoMessage() {
        Chat chat = newChat();
        patientSends(chat.patientId(), chat.id(), "g", 6);
        // as if 4 and 5 had been given back by sends caught as retries
        mongo.getDatabase("consulta_chat").getCollection("messages")
                .deleteMany(Filters.and(Filters.eq("conversationId", chat.id()), Filters.in("seq", 4L, 5L)));
        String path = "/api/v1/conversations/" + chat.id() + "/messages";

        given().auth().oauth2(TestTokens.patient(chat.patientId())).queryParam("limit", 3).when().get(path)
                .then().statusCode(200).body("items.seq", org.hamcrest.Matchers.contains(6, 3, 2))
                .body("nextCursor", equalTo("2"));
        given().auth().oauth2(TestTokens.patient(chat.patientId())).queryParam("limit", 3).queryParam("before", 1000).when().get(path)
                .then().statusCode(200).body("items.seq", org.hamcrest.Matchers.contains(6, 3, 2));
        given().auth().oauth2(TestTokens.patient(chat.patientId())).queryParam("limit", 3).queryParam("before", 2).when().get(path)
                .then().statusCode(200).body("items.seq", org.hamcrest.Matchers.contains(1)).body("nextCursor", nullValue());
    }

    @Test
    void historyParametersAreChecked() {
        String patient = newId("pat");
        String id = conversation(patient, newId("doc"));
        String path = "/api/v1/conversations/" + id + "/messages";
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("before", "abc"),
                Map.of("before", 0), Map.of("limit", 0), Map.of("limit", 201), Map.of("limit", "x"))) {
            given().auth().oauth2(TestTokens.patient(patient)).queryParams(bad).when().get(path)
                    .then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void strangersAndAdminsCannotSeeAConversationOrItsHistory() {
        Chat chat = newChat();
        for (String token : java.util.List.of(TestTokens.patient(newId("other-patient")),
                TestTokens.doctor(newId("other-doctor")), TestTokens.admin(newId("adm")))) {
            given().auth().oauth2(token).when().get("/api/v1/conversations/" + chat.id())
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).when().get("/api/v1/conversations/" + chat.id() + "/messages")
                    .then().statusCode(404).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.patient(chat.patientId())).when().get("/api/v1/conversations/no-such-id")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.doctor(chat.doctorId())).when().get("/api/v1/conversations/" + chat.id())
                .then().statusCode(200).body("counterpartId", equalTo(chat.patientId()));
        given().when().get("/api/v1/conversations/" + chat.id() + "/messages").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void messageSentEventsCarryIdsButNeverTheText() {
        Chat chat = newChat();
        String messageId;
        try (ChatClient p = ChatClient.connect(RestAssured.port, TestTokens.patient(chat.patientId()))) {
            messageId = p.sendMessage(chat.id(), "secret-1", "My very private symptom description").path("messageId").asText();
        }
        JsonNode event = EventBus.await("consulta.chat", e -> "message.sent".equals(e.path("type").asText())
                && messageId.equals(e.path("data").path("messageId").asText()), WAIT);
        EventContracts.assertValidEvent(event);
        assertThat(event.path("subject").asText()).isEqualTo(chat.id());
        assertThat(event.path("data").path("senderId").asText()).isEqualTo(chat.patientId());
        assertThat(event.path("data").path("recipientId").asText()).isEqualTo(chat.doctorId());
        assertThat(event.toString()).doesNotContain("private symptom").doesNotContain("text");
    }
}
