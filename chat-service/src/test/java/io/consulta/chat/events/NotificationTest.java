package io.consulta.chat.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.ChatClient;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.consulta.chat.ChatFixtures.appointment;
import static io.consulta.chat.ChatFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Events of other services become in-app notifications: stored, pushed live, marked read; reminders also e-mailed. */
@QuarkusTest
class NotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MockMailbox mailbox;

    @Inject
    com.mongodb.client.MongoClient mongo;

    /** Identity and appointment events travel on different topics; these tests want the identity applied first. */
    private void register(String userId, String role, String name, String email) {
        String type = "doctor".equals(role) ? IdentityEvents.DOCTOR_APPROVED : IdentityEvents.USER_REGISTERED;
        Map<String, Object> data = new java.util.HashMap<>(EventContracts.example(type,
                Map.of("userId", userId, "role", role, "status", "ACTIVE", "name", name)));
        data.put("email", email == null ? userId : email);
        EventBus.publish(IdentityEvents.TOPIC, type, userId, data);
        await().atMost(WAIT).until(() -> mongo.getDatabase("consulta_chat").getCollection("users")
                .find(com.mongodb.client.model.Filters.eq("_id", userId)).first() != null);
    }

    private static io.restassured.response.ValidatableResponse notifications(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then().statusCode(200);
    }

    @Test
    void aBookingNotifiesTheConnectedDoctorLiveAndBothPeopleInTheirList() {
        String patient = newId("pat");
        String doctor = newId("doc");
        register(patient, "patient", "Paula Patient", patient + "@mail.test");
        try (ChatClient desk = ChatClient.connect(RestAssured.port, TestTokens.doctor(doctor))) {
            String appointment = newId("appt");
            Map<String, Object> data = appointment("appointment.booked", appointment, patient, doctor);
            data.put("start", "2026-12-01T08:00:00Z");
            EventBus.publish("consulta.appointments", "appointment.booked", appointment, data);

            JsonNode frame = desk.await("notification").path("notification");
            assertThat(frame.path("kind").asText()).isEqualTo("appointment.booked");
            assertThat(frame.path("title").asText()).isEqualTo("New appointment");
            assertThat(frame.path("body").asText()).contains("Paula Patient").contains("Tue 1 Dec 2026, 09:00 (Europe/Berlin)");
            assertThat(frame.path("data").path("appointmentId").asText()).isEqualTo(appointment);
            assertThat(frame.path("read").asBoolean()).isFalse();
        }
        notifications(TestTokens.doctor(doctor)).body("items", hasSize(1)).body("unreadCount", equalTo(1))
                .body("items[0].kind", equalTo("appointment.booked"));
        notifications(TestTokens.patient(patient)).body("items", hasSize(1))
                .body("items[0].title", equalTo("Appointment booked"));
    }

    @Test
    void aReminderIsEmailedToTheAddressFromTheIdentityEvents() {
        String patient = newId("pat");
        String doctor = newId("doc");
        String email = patient + "@mail.test";
        register(patient, "patient", "Rita Remind", email);
        register(doctor, "doctor", "Dr Hannah Hart", null);
        String appointment = newId("appt");

        EventBus.publish("consulta.appointments", "appointment.reminder-due", appointment,
                appointment("appointment.reminder-due", appointment, patient, doctor));

        await().atMost(WAIT).untilAsserted(() -> assertThat(mailbox.getMailsSentTo(email)).hasSize(1));
        Mail mail = mailbox.getMailsSentTo(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Consulta: Appointment reminder");
        assertThat(mail.getText()).contains("Dr Hannah Hart");
        notifications(TestTokens.patient(patient)).body("items[0].kind", equalTo("appointment.reminder-due"));
        // the doctor's own approval notice
        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.doctor(doctor))
                .body("items[0].kind", equalTo("doctor.approved")).body("items[0].title", equalTo("Account approved")));
    }

    /** Published with the relay's content-type header, as appointment-service's events arrive in production. */
    @Test
    void aRedeliveredEventNotifiesAndEmailsOnce() throws Exception {
        String patient = newId("pat");
        String doctor = newId("doc");
        String email = patient + "@mail.test";
        register(patient, "patient", "Dee Dupe", email);
        String eventId = UUID.randomUUID().toString();
        String appointment = newId("appt");
        publishWithId(eventId, "appointment.reminder-due", appointment,
                appointment("appointment.reminder-due", appointment, patient, doctor));
        publishWithId(eventId, "appointment.reminder-due", appointment,
                appointment("appointment.reminder-due", appointment, patient, doctor));

        // a later event with the same key lands on the same partition: once it is applied, so is the redelivery
        EventBus.publish("consulta.appointments", "appointment.booked", appointment,
                appointment("appointment.booked", appointment, patient, doctor));

        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.patient(patient)).body("items", hasSize(2))
                .body("items.kind", org.hamcrest.Matchers.containsInAnyOrder("appointment.reminder-due",
                        "appointment.booked")));
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    @Test
    void sharedNotesPrescriptionsCancellationsAndReschedulesAreNotified() {
        String patient = newId("pat");
        String doctor = newId("doc");
        EventBus.publish("consulta.notes", "note.shared", "note-1",
                Map.of("noteId", "note-1", "patientId", patient, "doctorId", doctor));
        EventBus.publish("consulta.notes", "prescription.issued", "rx-1",
                Map.of("prescriptionId", "rx-1", "patientId", patient, "doctorId", doctor));
        String appointment = newId("appt");
        EventBus.publish("consulta.appointments", "appointment.rescheduled", appointment,
                appointment("appointment.rescheduled", appointment, patient, doctor));
        Map<String, Object> cancelled = appointment("appointment.cancelled", appointment, patient, doctor);
        cancelled.put("cancelledBy", "patient");
        EventBus.publish("consulta.appointments", "appointment.cancelled", appointment, cancelled);

        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.patient(patient)).body("items", hasSize(3))
                .body("items.kind", org.hamcrest.Matchers.containsInAnyOrder("note.shared", "prescription.issued",
                        "appointment.rescheduled")));
        // the patient cancelled: only the doctor hears of it
        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.doctor(doctor)).body("items", hasSize(2))
                .body("items.kind", org.hamcrest.Matchers.containsInAnyOrder("appointment.rescheduled",
                        "appointment.cancelled")));
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnceAndOnlyByTheirOwner() {
        String patient = newId("pat");
        String doctor = newId("doc");
        for (int i = 0; i < 3; i++) {
            EventBus.publish("consulta.notes", "prescription.issued", "rx-" + i,
                    Map.of("prescriptionId", "rx-" + i, "patientId", patient, "doctorId", doctor));
        }
        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.patient(patient)).body("items", hasSize(3)));
        String first = notifications(TestTokens.patient(patient)).extract().path("items[0].id");

        given().auth().oauth2(TestTokens.patient(newId("nosy"))).when().post("/api/v1/notifications/" + first + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.doctor(doctor)).when().post("/api/v1/notifications/" + first + "/read")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(patient)).when().post("/api/v1/notifications/no-such/read")
                .then().statusCode(404);

        given().auth().oauth2(TestTokens.patient(patient)).when().post("/api/v1/notifications/" + first + "/read")
                .then().statusCode(200).body("read", equalTo(true)).body("readAt", notNullValue());
        given().auth().oauth2(TestTokens.patient(patient)).when().post("/api/v1/notifications/" + first + "/read")
                .then().statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("unread", true).when().get("/api/v1/notifications")
                .then().statusCode(200).body("items", hasSize(2)).body("unreadCount", equalTo(2));

        given().auth().oauth2(TestTokens.patient(newId("nosy"))).when().post("/api/v1/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(0));
        given().auth().oauth2(TestTokens.patient(patient)).when().post("/api/v1/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(2));
        notifications(TestTokens.patient(patient)).body("unreadCount", equalTo(0)).body("items[2].read", equalTo(true));
        notifications(TestTokens.patient(newId("nosy"))).body("items", empty());
    }

    @Test
    void notificationsArePaged() {
        String patient = newId("pat");
        for (int i = 0; i < 5; i++) {
            EventBus.publish("consulta.notes", "note.shared", "note-p" + i,
                    Map.of("noteId", "note-p" + i, "patientId", patient, "doctorId", "doc-p"));
        }
        await().atMost(WAIT).untilAsserted(() -> notifications(TestTokens.patient(patient)).body("items", hasSize(5)));
        String cursor = given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 3)
                .when().get("/api/v1/notifications").then().statusCode(200).body("items", hasSize(3))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 3).queryParam("cursor", cursor)
                .when().get("/api/v1/notifications").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("limit", 500)
                .when().get("/api/v1/notifications").then().statusCode(400)
                .body("detail", containsString("limit"));
        given().auth().oauth2(TestTokens.patient(patient)).queryParam("cursor", "%%%")
                .when().get("/api/v1/notifications").then().statusCode(400);
    }

    private static void publishWithId(String id, String type, String key, Map<String, Object> data) throws Exception {
        Map<String, Object> event = Map.of("specversion", "1.0", "id", id, "source", "/test", "type", type,
                "time", Instant.now().toString(), "subject", key, "data", data);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("consulta.appointments", key,
                    JSON.writeValueAsString(event));
            // as the outbox relay of the other services marks its records
            record.headers().add("content-type", "application/cloudevents+json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
