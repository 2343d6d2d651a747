package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Clinic;
import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static io.consulta.e2e.support.Clinic.as;
import static io.consulta.e2e.support.Services.chat;
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
class ChatJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void afterBookingPatientAndDoctorChatAndTheDoctorIsNotifiedLive() {
        Clinic clinic = Clinic.open("chat");
        String doctorId = clinic.doctorId();
        String patientId = clinic.patientId();
        String doctor = clinic.doctorToken();
        String patient = clinic.patientToken();

        // a stranger cannot open a conversation with the doctor before any appointment
        as(patient).body(Map.of("doctorId", doctorId)).post(chat("/api/v1/conversations")).then().statusCode(403);

        try (Events.EventWatcher chatEvents = Events.watch("consulta.chat");
             ChatSocket doctorDesk = ChatSocket.connect(doctor)) {
            String appointmentId = clinic.bookFirstFreeSlot();

            JsonNode notification = doctorDesk.await(frame -> "notification".equals(frame.path("type").asText())
                    && appointmentId.equals(frame.path("notification").path("data").path("appointmentId").asText()))
                    .path("notification");
            assertThat(notification.path("kind").asText()).isEqualTo("appointment.booked");
            assertThat(notification.path("title").asText()).isEqualTo("New appointment");

            String conversationId = clinic.conversation();
            as(patient).get(chat("/api/v1/conversations/" + conversationId)).then().statusCode(200)
                    .body("counterpartId", equalTo(doctorId));
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
            as(clinic.withAnotherPatient("chat-x").patientToken())
                    .get(chat("/api/v1/conversations/" + conversationId + "/messages")).then().statusCode(404);

            JsonNode started = chatEvents.awaitType("conversation.started", conversationId, WAIT);
            assertThat(started.path("data").path("patientId").asText()).isEqualTo(patientId);
            JsonNode sent = chatEvents.awaitType("message.sent", conversationId, WAIT);
            assertThat(sent.path("data").path("senderId").asText()).isIn(patientId, doctorId);
            assertThat(sent.toString()).doesNotContain("about my appointment").doesNotContain("previous results");
        }
    }
}
