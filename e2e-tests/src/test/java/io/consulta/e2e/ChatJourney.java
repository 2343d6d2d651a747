package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * After a booking, patient and doctor talk over the chat socket with real Keycloak tokens; the doctor, already
 * connected, gets the booking as a live notification.
 */
@ExtendWith(StackExtension.class)
class ChatJourney {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Journey-Pass-2026";

    private static String appointments(String path) {
        return Services.url("appointment-service") + path;
    }

    private static String chat(String path) {
        return Services.url("chat-service") + path;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void afterBookingPatientAndDoctorChatAndTheDoctorIsNotifiedLive() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doctorId = Realm.createUser("chat-dr-" + suffix + "@journey.test", PASSWORD, "Dana Chat", "doctor");
        String patientId = Realm.createUser("chat-pat-" + suffix + "@journey.test", PASSWORD, "Pia Chat", "patient");
        String doctor = Realm.token("chat-dr-" + suffix + "@journey.test", PASSWORD);
        String patient = Realm.token("chat-pat-" + suffix + "@journey.test", PASSWORD);

        // a stranger cannot open a conversation with the doctor before any appointment
        as(patient).body(Map.of("doctorId", doctorId)).post(chat("/api/v1/conversations")).then().statusCode(403);

        try (Events.EventWatcher chatEvents = Events.watch("consulta.chat");
             ChatSocket doctorDesk = ChatSocket.connect(doctor)) {
            String appointmentId = book(doctor, doctorId, patient);

            JsonNode notification = doctorDesk.await(frame -> "notification".equals(frame.path("type").asText())
                    && appointmentId.equals(frame.path("notification").path("data").path("appointmentId").asText()))
                    .path("notification");
            assertThat(notification.path("kind").asText()).isEqualTo("appointment.booked");
            assertThat(notification.path("title").asText()).isEqualTo("New appointment");

            String[] conversation = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> conversation[0] =
                    as(patient).body(Map.of("doctorId", doctorId)).post(chat("/api/v1/conversations"))
                            .then().statusCode(201).body("counterpartId", equalTo(doctorId)).extract().path("id"));
            String conversationId = conversation[0];

            try (ChatSocket patientBrowser = ChatSocket.connectLikeABrowser(patient)) {
                assertThat(patientBrowser.subprotocol()).isEqualTo("bearer-token-carrier");
                patientBrowser.send(Map.of("type", "send", "conversationId", conversationId,
                        "clientMessageId", "j-1", "text", "Hello doctor, about my appointment"));
                JsonNode ack = patientBrowser.await("ack");
                JsonNode received = doctorDesk.await("message");
                assertThat(received.path("messageId").asText()).isEqualTo(ack.path("messageId").asText());
                assertThat(received.path("senderId").asText()).isEqualTo(patientId);
                assertThat(received.path("text").asText()).isEqualTo("Hello doctor, about my appointment");

                doctorDesk.send(Map.of("type", "read", "conversationId", conversationId, "seq", received.path("seq").asLong()));
                assertThat(patientBrowser.await("read").path("userId").asText()).isEqualTo(doctorId);

                doctorDesk.send(Map.of("type", "send", "conversationId", conversationId,
                        "clientMessageId", "j-2", "text", "Hello! Bring your previous results."));
                JsonNode reply = patientBrowser.await("message");
                assertThat(reply.path("senderId").asText()).isEqualTo(doctorId);
                assertThat(reply.path("seq").asLong()).isGreaterThan(received.path("seq").asLong());
            }

            as(doctor).get(chat("/api/v1/conversations/" + conversationId + "/messages")).then().statusCode(200)
                    .body("items.clientMessageId", contains("j-2", "j-1"));
            as(doctor).get(chat("/api/v1/notifications")).then().statusCode(200)
                    .body("items.kind", hasItem("appointment.booked"));
            Realm.createUser("chat-x-" + suffix + "@journey.test", PASSWORD, "Xavier Nosy", "patient");
            as(Realm.token("chat-x-" + suffix + "@journey.test", PASSWORD))
                    .get(chat("/api/v1/conversations/" + conversationId + "/messages")).then().statusCode(404);

            JsonNode started = chatEvents.awaitType("conversation.started", conversationId, WAIT);
            assertThat(started.path("data").path("patientId").asText()).isEqualTo(patientId);
            JsonNode sent = chatEvents.awaitType("message.sent", conversationId, WAIT);
            assertThat(sent.path("data").path("senderId").asText()).isIn(patientId, doctorId);
            assertThat(sent.toString()).doesNotContain("about my appointment").doesNotContain("previous results");
        }
    }

    /** The doctor publishes hours, the patient books the first free slot in three days; returns the appointment id. */
    private static String book(String doctor, String doctorId, String patient) {
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        as(doctor).body("""
                        {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                         "horizonDays":30,"cancellationCutoffHours":24,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":30}]}""".formatted(everyDay))
                .put(appointments("/api/v1/doctors/" + doctorId + "/availability"))
                .then().statusCode(200);
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        List<String> slots = as(patient).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(1)).toString()).queryParam("visitType", "VIDEO")
                .get(appointments("/api/v1/doctors/" + doctorId + "/slots"))
                .then().statusCode(200).extract().jsonPath().getList("slots.start", String.class);
        assertThat(slots).isNotEmpty();
        return as(patient).body(Map.of("doctorId", doctorId, "start", slots.getFirst(), "visitType", "VIDEO",
                        "reason", "Follow-up on the rash"))
                .post(appointments("/api/v1/appointments"))
                .then().statusCode(201).body("status", equalTo("booked")).extract().path("id");
    }
}
