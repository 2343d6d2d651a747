package io.consulta.notes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.consulta.notes.NotesFixtures.PROBLEM;
import static io.consulta.notes.NotesFixtures.WAIT;
import static io.consulta.notes.NotesFixtures.doctorCaringFor;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.note;
import static io.consulta.notes.NotesFixtures.notes;
import static io.consulta.notes.NotesFixtures.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Editing with If-Match, revisions, and the soft delete: only the author changes a note, nothing is lost. */
@QuarkusTest
class NoteEditingTest {

    @Inject
    MongoClient mongo;

    private static Response put(String token, String id, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/notes/" + id);
    }

    private static Map<String, Object> edit(String title, String body) {
        return Map.of("title", title, "body", body, "tags", List.of("edited"));
    }

    @Test
    void theAuthorEditsWithTheETagReadAndEveryPreviousTextIsKept() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String id = write(TestTokens.doctor(doctor), patient, note("Dose", "10 mg daily", "shared"));
        String etag = given().auth().oauth2(TestTokens.doctor(doctor)).when().get("/api/v1/notes/" + id)
                .then().extract().header("ETag");

        put(TestTokens.doctor(doctor), id, etag, edit("Dose", "20 mg daily")).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("body", equalTo("20 mg daily"))
                .body("tags", contains("edited")).body("visibility", equalTo("shared"));
        put(TestTokens.doctor(doctor), id, "\"2\"", edit("Dose (final)", "15 mg daily")).then().statusCode(200)
                .body("version", equalTo(3));

        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + id + "/revisions")
                .then().statusCode(200).body("version", contains(1, 2))
                .body("body", contains("10 mg daily", "20 mg daily")).body("title", contains("Dose", "Dose"))
                .body("writtenBy", contains(doctor, doctor));
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + id)
                .then().body("title", equalTo("Dose (final)")).body("body", equalTo("15 mg daily"));

        JsonNode updated = EventBus.await("consulta.notes", e -> "note.updated".equals(e.path("type").asText())
                && id.equals(e.path("subject").asText()) && e.path("data").path("version").asInt() == 3, WAIT);
        EventContracts.assertValidEvent(updated);
        assertThat(updated.path("data").path("patientId").asText()).isEqualTo(patient);
        assertThat(updated.toString()).doesNotContain("mg daily");
    }

    @Test
    void aStaleOrMissingVersionIsRefusedAndChangesNothing() {
        String patient = newId("pat");
        String id = write(TestTokens.patient(patient), patient, note("Diet", "No sugar", "shared"));
        put(TestTokens.patient(patient), id, "1", edit("Diet", "Less sugar")).then().statusCode(200);

        put(TestTokens.patient(patient), id, "\"1\"", edit("Diet", "Lost update")).then().statusCode(412)
                .contentType(PROBLEM).body("detail", containsString("version 2"));
        put(TestTokens.patient(patient), id, null, edit("Diet", "Blind write")).then().statusCode(428)
                .contentType(PROBLEM);
        put(TestTokens.patient(patient), id, "\"two\"", edit("Diet", "Garbage")).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        put(TestTokens.patient(patient), id, "\"2\"", Map.of("title", "", "body", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + id)
                .then().body("body", equalTo("Less sugar")).body("version", equalTo(2));
    }

    @Test
    void onlyTheAuthorEditsOrDeletesOthersCannotEvenSeeIt() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String id = write(TestTokens.doctor(doctor), patient, note("Advice", "Drink water", "shared"));
        put(TestTokens.patient(patient), id, "\"1\"", edit("Mine now", "x")).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("author"));
        given().auth().oauth2(TestTokens.patient(patient)).when().delete("/api/v1/notes/" + id)
                .then().statusCode(403);
        String stranger = TestTokens.doctor(newId("doc"));
        put(stranger, id, "\"1\"", edit("x", "y")).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().delete("/api/v1/notes/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/v1/notes/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/v1/notes/" + id + "/revisions").then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(newId("pat"))).when().get("/api/v1/notes/" + id + "/revisions")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/unknown-id").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aDeletedNoteLeavesListsAndReadsButItsTextAndHistoryStay() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String id = write(TestTokens.patient(patient), patient, note("Mood", "Low", "shared"));
        put(TestTokens.patient(patient), id, "\"1\"", edit("Mood", "Better")).then().statusCode(200);

        given().auth().oauth2(TestTokens.patient(patient)).when().delete("/api/v1/notes/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.doctor(doctor)).when().get(notes(patient))
                .then().statusCode(200).body("items.id", not(contains(id)));
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + id).then().statusCode(404);
        put(TestTokens.patient(patient), id, "\"3\"", edit("Mood", "Again")).then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(patient)).when().delete("/api/v1/notes/" + id).then().statusCode(404);

        var db = mongo.getDatabase("consulta_notes");
        Document kept = db.getCollection("notes").find(Filters.eq("_id", id)).first();
        assertThat(kept).isNotNull();
        assertThat(kept.getBoolean("deleted")).isTrue();
        assertThat(kept.getString("body")).isEqualTo("Better");
        assertThat(kept.getString("deletedBy")).isEqualTo(patient);
        assertThat(db.getCollection("note_revisions").find(Filters.eq("noteId", id)).first().getString("body"))
                .isEqualTo("Low");
    }
}
