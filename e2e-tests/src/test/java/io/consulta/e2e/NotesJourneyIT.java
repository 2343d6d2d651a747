package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.Events;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoUsers;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Clinic.PASSWORD;
import static io.consulta.e2e.support.Clinic.as;
import static io.consulta.e2e.support.Services.auth;
import static io.consulta.e2e.support.Services.notes;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The shared journal and a prescription on the real stack: after a booking the doctor writes a shared note and a
 * prescription, the patient is notified of both (chat-service, from notes-service's events), reads them, downloads
 * the PDF and answers with a note; a pharmacist's check says valid, then cancelled; a doctor without a relationship
 * sees nothing.
 */
@ExtendWith(StackExtension.class)
class NotesJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aDoctorSharesANoteAndAPrescriptionThePatientReadsAndAnswersAPharmacistChecksIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doctorEmail = "notes-dr-" + suffix + "@journey.test";
        String patientEmail = "notes-pat-" + suffix + "@journey.test";
        String doctorId = signUp(Map.of("role", "doctor", "email", doctorEmail, "password", PASSWORD,
                "name", "Nina Notes", "specialty", "Dermatology", "licenceNumber", "LIC-" + suffix,
                "languages", List.of("en"), "clinicAddress", "2 Journey Street", "consultationFee", 50));
        String admin = Realm.token(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
        given().auth().oauth2(admin).when().post(auth("/api/v1/admin/doctors/" + doctorId + "/approve"))
                .then().statusCode(200);
        String patientId = signUp(Map.of("role", "patient", "email", patientEmail, "password", PASSWORD,
                "name", "Paolo Notes", "dateOfBirth", "1984-07-15"));
        Realm.markEmailVerified(patientId);
        String doctor = Realm.token(doctorEmail, PASSWORD);
        String patient = Realm.token(patientEmail, PASSWORD);
        String outsiderId = Realm.createUser("notes-x-" + suffix + "@journey.test", PASSWORD, "Xena Nosy", "doctor");
        String outsider = Realm.token("notes-x-" + suffix + "@journey.test", PASSWORD);

        // before any appointment the doctor may not write in the patient's journal
        as(doctor).body(Map.of("title", "Hi", "body", "x", "visibility", "shared"))
                .post(notes("/api/v1/patients/" + patientId + "/notes")).then().statusCode(404);

        try (Events.EventWatcher noteEvents = Events.watch("consulta.notes")) {
            AppointmentBooking.book(doctor, doctorId, patient);

            String[] noteId = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> noteId[0] = as(doctor)
                    .body(Map.of("title", "After your visit", "body", "Apply the cream **twice a day**.",
                            "tags", List.of("skin"), "visibility", "shared"))
                    .post(notes("/api/v1/patients/" + patientId + "/notes"))
                    .then().statusCode(201).extract().path("id"));
            String prescriptionId = as(doctor).body(Map.of("items", List.of(Map.of("medication", "Hydrocortisone",
                                    "strength", "1 %", "form", "cream", "dosageInstructions", "Thin layer twice a day",
                                    "quantity", 1, "refills", 1)),
                            "validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                    .post(notes("/api/v1/patients/" + patientId + "/prescriptions"))
                    .then().statusCode(201).body("status", equalTo("active")).extract().path("id");

            // chat-service turns both events into the patient's notifications
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    as(patient).get(Services.url("chat-service") + "/api/v1/notifications").then().statusCode(200)
                            .body("items.kind", hasItems("note.shared", "prescription.issued"))
                            .body("items.data.noteId", hasItem(noteId[0]))
                            .body("items.data.prescriptionId", hasItem(prescriptionId)));

            as(patient).get(notes("/api/v1/notes/" + noteId[0])).then().statusCode(200)
                    .body("body", equalTo("Apply the cream **twice a day**."));
            String code = as(patient).get(notes("/api/v1/prescriptions/" + prescriptionId)).then().statusCode(200)
                    .body("items[0].medication", equalTo("Hydrocortisone")).extract().path("verificationCode");
            String pdfText = text(given().auth().oauth2(patient).when()
                    .get(notes("/api/v1/prescriptions/" + prescriptionId + "/pdf"))
                    .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
            assertThat(pdfText).contains("Prescriber: Nina Notes", "Licence number: LIC-" + suffix,
                    "Patient: Paolo Notes", "Date of birth: 1984-07-15", "1. Hydrocortisone 1 %, cream",
                    "Verification code: " + code);

            String answer = as(patient).body(Map.of("title", "Re: After your visit", "body", "Thanks, it helps.",
                            "visibility", "shared", "inReplyTo", noteId[0]))
                    .post(notes("/api/v1/patients/" + patientId + "/notes")).then().statusCode(201)
                    .extract().path("id");
            as(doctor).get(notes("/api/v1/patients/" + patientId + "/notes")).then().statusCode(200)
                    .body("items.id", contains(answer, noteId[0]));

            given().when().get(notes("/api/v1/prescription-checks/" + code)).then().statusCode(200)
                    .body("status", equalTo("valid")).body("medications", contains("Hydrocortisone"));
            as(doctor).body(Map.of("reason", "Switched to another cream"))
                    .post(notes("/api/v1/prescriptions/" + prescriptionId + "/cancel"))
                    .then().statusCode(200).body("status", equalTo("cancelled"));
            String check = given().when().get(notes("/api/v1/prescription-checks/" + code)).then().statusCode(200)
                    .body("status", equalTo("cancelled")).extract().asString();
            assertThat(check).doesNotContain(patientId, "Paolo", "1984");

            // a doctor without a relationship sees nothing of it
            as(outsider).get(notes("/api/v1/patients/" + patientId + "/notes")).then().statusCode(404);
            as(outsider).get(notes("/api/v1/notes/" + noteId[0])).then().statusCode(404);
            as(outsider).get(notes("/api/v1/patients/" + patientId + "/prescriptions")).then().statusCode(404);
            as(outsider).get(notes("/api/v1/prescriptions/" + prescriptionId)).then().statusCode(404);
            as(outsider).get(notes("/api/v1/prescriptions/" + prescriptionId + "/pdf")).then().statusCode(404);
            assertThat(outsiderId).isNotEqualTo(doctorId);

            JsonNode shared = noteEvents.awaitType("note.shared", noteId[0], WAIT);
            assertThat(shared.path("data").path("authorId").asText()).isEqualTo(doctorId);
            noteEvents.awaitType("prescription.issued", prescriptionId, WAIT);
            noteEvents.awaitType("prescription.cancelled", prescriptionId, WAIT);
            assertThat(shared.toString()).doesNotContain("cream");
        }
    }

    private static String signUp(Map<String, Object> registration) {
        return given().contentType(ContentType.JSON).body(registration).when().post(auth("/api/v1/registrations"))
                .then().statusCode(201).extract().path("id");
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** The doctor publishes hours every day, the patient books the first free video slot in three days. */
    static final class AppointmentBooking {

        static String book(String doctor, String doctorId, String patient) {
            String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                    .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
            as(doctor).body("""
                            {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                             "horizonDays":30,"cancellationCutoffHours":24,
                             "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":30}]}"""
                            .formatted(everyDay))
                    .put(Services.url("appointment-service") + "/api/v1/doctors/" + doctorId + "/availability")
                    .then().statusCode(200);
            Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
            List<String> slots = as(patient).queryParam("from", from.toString())
                    .queryParam("to", from.plus(Duration.ofDays(1)).toString()).queryParam("visitType", "VIDEO")
                    .get(Services.url("appointment-service") + "/api/v1/doctors/" + doctorId + "/slots")
                    .then().statusCode(200).extract().jsonPath().getList("slots.start", String.class);
            assertThat(slots).isNotEmpty();
            return as(patient).body(Map.of("doctorId", doctorId, "start", slots.getFirst(), "visitType", "VIDEO",
                            "reason", "Skin rash"))
                    .post(Services.url("appointment-service") + "/api/v1/appointments")
                    .then().statusCode(201).extract().path("id");
        }
    }
}
