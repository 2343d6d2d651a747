package io.consulta.notes.api;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.consulta.notes.NotesFixtures.PROBLEM;
import static io.consulta.notes.NotesFixtures.WAIT;
import static io.consulta.notes.NotesFixtures.doctorCaringFor;
import static io.consulta.notes.NotesFixtures.mediaDeleted;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.note;
import static io.consulta.notes.NotesFixtures.notes;
import static io.consulta.notes.NotesFixtures.post;
import static io.consulta.notes.NotesFixtures.uploaded;
import static io.consulta.notes.NotesFixtures.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A note names photos of the patient's record that media-service reported; anything else is a 422. */
@QuarkusTest
class MediaIdsTest {

    private static Map<String, Object> withMedia(String... mediaIds) {
        Map<String, Object> n = note("Photo", "See the rash", "shared");
        n.put("mediaIds", List.of(mediaIds));
        return n;
    }

    /** Waits until media-service's event has reached the projection (a note naming it is accepted). */
    private static String awaitAttachable(String token, String patientId, String mediaId) {
        String[] id = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = post(token, notes(patientId), withMedia(mediaId));
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    /** An upload to a patient's record as media-service reports it, and the first note that named it. */
    private record Attached(String mediaId, String noteId) {
    }

    /** Reports {@code uploaderId}'s upload to {@code patientId}'s record and waits until a note may name it. */
    private static Attached uploadedAndAttached(String token, String patientId, String uploaderId) {
        String mediaId = newId("media");
        uploaded(mediaId, patientId, uploaderId);
        return new Attached(mediaId, awaitAttachable(token, patientId, mediaId));
    }

    @Test
    void photosOfThePatientsRecordMayBeAttachedByThePatientAndTheirDoctor() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        Attached byPatient = uploadedAndAttached(TestTokens.patient(patient), patient, patient);
        String byDoctor = uploadedAndAttached(TestTokens.doctor(doctor), patient, doctor).mediaId();
        post(TestTokens.doctor(doctor), notes(patient), withMedia(byPatient.mediaId(), byDoctor)).then().statusCode(201)
                .body("mediaIds", contains(byPatient.mediaId(), byDoctor));
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + byPatient.noteId())
                .then().body("mediaIds", contains(byPatient.mediaId()));
    }

    @Test
    void unknownForeignAndDeletedUploadsAreUnprocessable() {
        String patient = newId("pat");
        String other = newId("pat");
        Attached attached = uploadedAndAttached(TestTokens.patient(patient), patient, patient);
        String mine = attached.mediaId();
        String noteId = attached.noteId();
        String theirs = uploadedAndAttached(TestTokens.patient(other), other, other).mediaId();

        post(TestTokens.patient(patient), notes(patient), withMedia(mine, "no-such-media")).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("mediaIds[1]"));
        post(TestTokens.patient(patient), notes(patient), withMedia(theirs)).then().statusCode(422)
                .body("errors[0].field", equalTo("mediaIds[0]"));
        // an edit is checked the same way
        given().auth().oauth2(TestTokens.patient(patient)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("title", "Photo", "body", "x", "mediaIds", List.of(theirs)))
                .when().put("/api/v1/notes/" + noteId).then().statusCode(422);

        mediaDeleted(mine, patient);
        await().atMost(WAIT).until(() -> post(TestTokens.patient(patient), notes(patient), withMedia(mine))
                .statusCode() == 422);
        write(TestTokens.patient(patient), patient, note("No photo", "fine", "shared"));
    }
}
