package io.consulta.notes;

import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** People, appointments, uploads, notes and prescriptions for tests, made through the service's real inputs. */
public final class NotesFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String PROBLEM = "application/problem+json";

    private NotesFixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes appointment.booked as appointment-service would and waits until the doctor may open the journal. */
    public static String book(String patientId, String doctorId) {
        String appointmentId = newId("appt");
        EventBus.publish("consulta.appointments", "appointment.booked", appointmentId,
                appointment("appointment.booked", appointmentId, patientId, doctorId));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> given()
                .auth().oauth2(TestTokens.doctor(doctorId)).when().get(notes(patientId)).statusCode() == 200);
        return appointmentId;
    }

    /** A new doctor with an appointment with the patient ({@link #book}), so one who may open their journal. */
    public static String doctorCaringFor(String patientId) {
        String doctorId = newId("doc");
        book(patientId, doctorId);
        return doctorId;
    }

    public static void cancel(String appointmentId, String patientId, String doctorId) {
        Map<String, Object> data = appointment("appointment.cancelled", appointmentId, patientId, doctorId);
        data.put("cancelledBy", patientId);
        EventBus.publish("consulta.appointments", "appointment.cancelled", appointmentId, data);
    }

    /** An appointment event's data as appointment-service writes it (the contract's example, with these people). */
    public static Map<String, Object> appointment(String type, String appointmentId, String patientId, String doctorId) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new HashMap<>(EventContracts.example(type, Map.of("appointmentId", appointmentId, "doctorId", doctorId,
                "patientId", patientId, "start", start.toString(),
                "end", start.plus(30, ChronoUnit.MINUTES).toString())));
    }

    public static void patientRegistered(String userId, String name, String dateOfBirth) {
        EventBus.publish("consulta.identity", "user.registered", userId, EventContracts.example("user.registered",
                Map.of("userId", userId, "role", "patient", "name", name, "email", userId + "@example.org",
                        "dateOfBirth", dateOfBirth)));
    }

    public static void doctorApproved(String userId, String name, String licenceNumber) {
        EventBus.publish("consulta.identity", "doctor.approved", userId, EventContracts.example("doctor.approved",
                Map.of("userId", userId, "name", name, "email", userId + "@example.org",
                        "licenceNumber", licenceNumber)));
    }

    public static void uploaded(String mediaId, String patientId, String uploadedBy) {
        EventBus.publish("consulta.media", "media.uploaded", mediaId, Map.of("mediaId", mediaId,
                "patientId", patientId, "uploadedBy", uploadedBy, "purpose", "symptom", "contentType", "image/jpeg"));
    }

    public static void mediaDeleted(String mediaId, String patientId) {
        EventBus.publish("consulta.media", "media.deleted", mediaId, Map.of("mediaId", mediaId, "patientId", patientId));
    }

    public static String notes(String patientId) {
        return "/api/v1/patients/" + patientId + "/notes";
    }

    public static String prescriptions(String patientId) {
        return "/api/v1/patients/" + patientId + "/prescriptions";
    }

    public static Map<String, Object> note(String title, String body, String visibility) {
        Map<String, Object> note = new HashMap<>();
        note.put("title", title);
        note.put("body", body);
        note.put("visibility", visibility);
        return note;
    }

    public static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    /** Writes a note and returns its id. */
    public static String write(String token, String patientId, Map<String, Object> note) {
        return post(token, notes(patientId), note).then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> prescription() {
        return Map.of("items", List.of(Map.of("medication", "Amoxicillin", "strength", "500 mg", "form", "capsule",
                        "dosageInstructions", "One capsule three times a day for 7 days", "quantity", 21, "refills", 0)),
                "validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), "note", "Take with food");
    }

    /** Issues the standard prescription and returns its id. */
    public static String issue(String doctorId, String patientId) {
        return post(TestTokens.doctor(doctorId), prescriptions(patientId), prescription())
                .then().statusCode(201).extract().path("id");
    }
}
