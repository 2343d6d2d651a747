package io.consulta.chat;

import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** People, appointments and conversations for tests, made through the service's real inputs (events and API). */
public final class ChatFixtures {

    private ChatFixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes appointment.booked as appointment-service would; returns the appointment id. */
    public static String book(String patientId, String doctorId) {
        String appointmentId = newId("appt");
        EventBus.publish(AppointmentEvents.TOPIC, AppointmentEvents.BOOKED, appointmentId,
                appointment(AppointmentEvents.BOOKED, appointmentId, patientId, doctorId));
        return appointmentId;
    }

    /** The data of an appointment event of {@code type}: the schema's example with these people, in three days. */
    public static Map<String, Object> appointment(String type, String appointmentId, String patientId, String doctorId) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new HashMap<>(EventContracts.example(type, Map.of("appointmentId", appointmentId, "doctorId", doctorId,
                "patientId", patientId, "start", start.toString(), "end", start.plus(30, ChronoUnit.MINUTES).toString(),
                "visitType", "VIDEO", "timeZone", "Europe/Berlin")));
    }

    /** Books an appointment, waits for the projection, and opens the conversation as the patient; returns its id. */
    public static String conversation(String patientId, String doctorId) {
        book(patientId, doctorId);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(TestTokens.patient(patientId)).contentType(ContentType.JSON)
                    .body(Map.of("doctorId", doctorId)).when().post("/api/v1/conversations");
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                id[0] = response.path("id");
                return true;
            }
            return false;
        });
        return id[0];
    }

    /** A patient and a doctor, and the conversation the patient opened after booking them. */
    public record Chat(String patientId, String doctorId, String id) {
    }

    /** New people each time, so tests never see each other's messages. */
    public static Chat newChat() {
        String patientId = newId("pat");
        String doctorId = newId("doc");
        return new Chat(patientId, doctorId, conversation(patientId, doctorId));
    }

    /**
     * The patient sends "message 1" to "message {@code count}" (client ids {@code clientIdPrefix}1…) over a socket
     * of its own, each acknowledged; the conversation's history is then numbered 1 to {@code count}.
     */
    public static void patientSends(String patientId, String conversationId, String clientIdPrefix, int count) {
        try (ChatClient patient = ChatClient.connect(RestAssured.port, TestTokens.patient(patientId))) {
            for (int i = 1; i <= count; i++) {
                patient.sendMessage(conversationId, clientIdPrefix + i, "message " + i);
            }
        }
    }
}
