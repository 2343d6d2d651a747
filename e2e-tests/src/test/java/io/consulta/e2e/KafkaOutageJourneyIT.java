package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Clinic;
import io.consulta.e2e.support.Faults;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 item 10: with Kafka stopped, patients still book and chat (the outbox holds the events); once Kafka is back
 * every event reaches each consumer exactly once — here chat-service's notifications of the bookings made meanwhile.
 */
@ExtendWith(StackExtension.class)
@Order(FaultOrder.KAFKA_STOPPED)
class KafkaOutageJourneyIT {

    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    @Test
    void bookingsAndMessagesDuringAKafkaOutageArriveExactlyOnceWhenItIsBack() {
        Clinic clinic = Clinic.open("kafka");
        List<String> slots = clinic.freeSlots();
        clinic.book(clinic.patientToken(), slots.get(0));
        String conversationId = clinic.conversation();
        String patient = clinic.patientToken();
        List<String> bookedDuringOutage = new ArrayList<>();
        List<Long> ackedSeqs = new ArrayList<>();

        try (ChatSocket patientApp = ChatSocket.connect(patient)) {
            Faults.stop("kafka");
            try {
                bookedDuringOutage.add(clinic.book(patient, slots.get(2)));
                bookedDuringOutage.add(clinic.book(patient, slots.get(4)));
                for (int i = 1; i <= 3; i++) {
                    patientApp.send(Map.of("type", "send", "conversationId", conversationId,
                            "clientMessageId", "outage-" + i, "text", "Sent while Kafka is down " + i));
                    JsonNode ack = patientApp.await("ack");
                    assertThat(ack.path("duplicate").asBoolean()).isFalse();
                    ackedSeqs.add(ack.path("seq").asLong());
                }
            } finally {
                Faults.start("kafka");
            }
        }

        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String appointmentId : bookedDuringOutage) {
                assertThat(bookedNotifications(clinic.patientToken(), appointmentId)).isEqualTo(1);
                assertThat(bookedNotifications(clinic.doctorToken(), appointmentId)).isEqualTo(1);
            }
        });
        // redeliveries after the restart would show up as second notifications: give them time to, then look again
        sleep(Duration.ofSeconds(5));
        for (String appointmentId : bookedDuringOutage) {
            assertThat(bookedNotifications(clinic.patientToken(), appointmentId)).isEqualTo(1);
            assertThat(bookedNotifications(clinic.doctorToken(), appointmentId)).isEqualTo(1);
        }
        List<String> stored = Clinic.as(clinic.doctorToken()).queryParam("limit", 50)
                .get(Services.url("chat-service") + "/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("items.clientMessageId", String.class);
        assertThat(stored).containsExactlyInAnyOrder("outage-1", "outage-2", "outage-3");
        assertThat(ackedSeqs).doesNotHaveDuplicates();
    }

    private static long bookedNotifications(String token, String appointmentId) {
        List<Map<String, Object>> items = Clinic.as(token).queryParam("limit", 50)
                .get(Services.url("chat-service") + "/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream()
                .filter(n -> "appointment.booked".equals(n.get("kind")))
                .filter(n -> n.get("data") instanceof Map<?, ?> data && appointmentId.equals(data.get("appointmentId")))
                .count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
