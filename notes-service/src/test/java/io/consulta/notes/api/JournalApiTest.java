package io.consulta.notes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.consulta.testing.EventBus;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.consulta.notes.NotesFixtures.PROBLEM;
import static io.consulta.notes.NotesFixtures.WAIT;
import static io.consulta.notes.NotesFixtures.book;
import static io.consulta.notes.NotesFixtures.doctorCaringFor;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.note;
import static io.consulta.notes.NotesFixtures.notes;
import static io.consulta.notes.NotesFixtures.post;
import static io.consulta.notes.NotesFixtures.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The journal as the patient's and the doctor's apps use it: writing, listing, searching, reading one note. */
@QuarkusTest
class JournalApiTest {

    @Inject
    MongoClient mongo;

    @Test
    void aDoctorWritesASharedNoteThePatientReadsItAndTheEventCarriesIdsOnly() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);

        Map<String, Object> body = note("  After the visit ", "Blood pressure **130/85**. Walk daily.", "shared");
        body.put("tags", List.of("Blood-Pressure", "lifestyle"));
        String id = post(TestTokens.doctor(doctor), notes(patient), body)
                .then().statusCode(201).header("Location", containsString("/api/v1/notes/"))
                .header("ETag", "\"1\"")
                .body("patientId", equalTo(patient)).body("authorId", equalTo(doctor))
                .body("authorRole", equalTo("doctor")).body("title", equalTo("After the visit"))
                .body("body", equalTo("Blood pressure **130/85**. Walk daily."))
                .body("tags", contains("blood-pressure", "lifestyle")).body("mediaIds", empty())
                .body("visibility", equalTo("shared")).body("inReplyTo", nullValue()).body("version", equalTo(1))
                .body("createdAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("After the visit"));
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().statusCode(200).body("items.id", contains(id)).body("nextCursor", nullValue());

        JsonNode event = EventContracts.awaitValidEvent("consulta.notes", "note.shared", id, WAIT);
        assertThat(event.path("data").path("noteId").asText()).isEqualTo(id);
        assertThat(event.path("data").path("patientId").asText()).isEqualTo(patient);
        assertThat(event.path("data").path("authorId").asText()).isEqualTo(doctor);
        assertThat(event.path("data").path("doctorId").asText()).isEqualTo(doctor);
        assertThat(event.toString()).doesNotContain("Blood pressure", "After the visit", "lifestyle");
    }

    @Test
    void thePatientWritesInTheirOwnJournalWithoutAnyDoctor() {
        String patient = newId("pat");
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().statusCode(200).body("items", empty());
        write(TestTokens.patient(patient), patient, note("Sleep", "Slept badly", "private"));
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().statusCode(200).body("items.title", contains("Sleep"))
                .body("items[0].authorRole", equalTo("patient")).body("items[0].visibility", equalTo("private"));
    }

    @Test
    void someoneWhoMaySeeNothingOfThePatientGetsNotFoundForListingAndWriting() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        write(TestTokens.doctor(doctor), patient, note("Seen", "ok", "shared"));
        for (String token : List.of(TestTokens.doctor(newId("doc")), TestTokens.patient(newId("pat")),
                TestTokens.admin(newId("adm")))) {
            given().auth().oauth2(token).when().get(notes(patient))
                    .then().statusCode(404).contentType(PROBLEM).body("detail", containsString(patient));
            post(token, notes(patient), note("Hi", "there", "shared")).then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void badNotesAreRefusedWithEveryFieldAndNothingIsStored() {
        String patient = newId("pat");
        Map<String, Object> bad = note("", "y".repeat(20_001), "shared");
        bad.put("tags", Collections.nCopies(11, "t"));
        bad.put("mediaIds", Collections.nCopies(11, "m"));
        post(TestTokens.patient(patient), notes(patient), bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("title", "body", "tags", "mediaIds"));
        post(TestTokens.patient(patient), notes(patient), note("t", "b", "public")).then().statusCode(400)
                .body("errors[0].field", equalTo("visibility"))
                .body("errors[0].message", equalTo("must be shared or private"));
        post(TestTokens.patient(patient), notes(patient), note("t", "b", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("visibility"));
        given().auth().oauth2(TestTokens.patient(patient)).contentType("application/json").body("{\"title\": [")
                .when().post(notes(patient)).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.patient(patient)).contentType("application/json")
                .when().post(notes(patient)).then().statusCode(400).contentType(PROBLEM);
        assertThat(mongo.getDatabase("consulta_notes").getCollection("notes")
                .countDocuments(Filters.eq("patientId", patient))).isZero();
    }

    @Test
    void aReplyIsVisibleToWhoeverSeesTheNoteItAnswers() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String shared = write(TestTokens.doctor(doctor), patient, note("Plan", "Rest", "shared"));
        String privateNote = write(TestTokens.doctor(doctor), patient, note("Thoughts", "Maybe tension", "private"));

        Map<String, Object> reply = note("Re: Plan", "Thank you!", "shared");
        reply.put("inReplyTo", shared);
        String replyId = post(TestTokens.patient(patient), notes(patient), reply).then().statusCode(201)
                .body("inReplyTo", equalTo(shared)).extract().path("id");
        given().auth().oauth2(TestTokens.doctor(doctor)).when().get("/api/v1/notes/" + replyId)
                .then().statusCode(200).body("body", equalTo("Thank you!"));
        JsonNode event = EventBus.await("consulta.notes", e -> replyId.equals(e.path("subject").asText()), WAIT);
        EventContracts.assertValidEvent(event);
        assertThat(event.path("data").path("doctorId").asText()).as("the doctor whose note was answered")
                .isEqualTo(doctor);
        assertThat(event.path("data").path("inReplyTo").asText()).isEqualTo(shared);

        // the patient cannot answer a note they cannot see, nor a note of another journal
        Map<String, Object> blind = note("Re", "?", "shared");
        blind.put("inReplyTo", privateNote);
        post(TestTokens.patient(patient), notes(patient), blind).then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("inReplyTo"));
        String otherPatient = newId("pat");
        blind.put("inReplyTo", shared);
        post(TestTokens.patient(otherPatient), notes(otherPatient), blind).then().statusCode(422);

        // the doctor's shared answer to their own private note stays private
        Map<String, Object> ownReply = note("Re: Thoughts", "Ask about stress", "shared");
        ownReply.put("inReplyTo", privateNote);
        String ownReplyId = write(TestTokens.doctor(doctor), patient, ownReply);
        given().auth().oauth2(TestTokens.patient(patient)).when().get("/api/v1/notes/" + ownReplyId)
                .then().statusCode(404);
    }

    @Test
    void theListIsNewestFirstFiltersByTagAuthorAndWordsAndPagesWithACursor() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> n = note("Day " + i, i % 2 == 0 ? "Headache and NAUSEA" : "Feeling fine", "shared");
            n.put("tags", List.of(i % 2 == 0 ? "migraine" : "daily"));
            ids.add(write(i < 3 ? TestTokens.patient(patient) : TestTokens.doctor(doctor), patient, n));
        }
        String token = TestTokens.doctor(doctor);
        given().auth().oauth2(token).when().get(notes(patient))
                .then().statusCode(200).body("items.id", contains(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)));
        given().auth().oauth2(token).queryParam("tag", "Migraine").when().get(notes(patient))
                .then().body("items.id", contains(ids.get(4), ids.get(2), ids.get(0)));
        given().auth().oauth2(token).queryParam("author", doctor).when().get(notes(patient))
                .then().body("items.id", contains(ids.get(4), ids.get(3)));
        given().auth().oauth2(token).queryParam("q", "nausea headache").when().get(notes(patient))
                .then().body("items.id", contains(ids.get(4), ids.get(2), ids.get(0)));
        given().auth().oauth2(token).queryParam("q", "day 3").when().get(notes(patient))
                .then().body("items.id", contains(ids.get(3)));
        given().auth().oauth2(token).queryParam("q", "fine.*").when().get(notes(patient))
                .then().body("items.id", contains(ids.get(3), ids.get(1)));

        String cursor = given().auth().oauth2(token).queryParam("limit", 2).when().get(notes(patient))
                .then().statusCode(200).body("items.id", contains(ids.get(4), ids.get(3)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        String last = given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(notes(patient)).then().body("items.id", contains(ids.get(2), ids.get(1)))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", last).when().get(notes(patient))
                .then().body("items.id", contains(ids.get(0))).body("nextCursor", nullValue());
    }

    @Test
    void aJournalHoldsABoundedNumberOfNotes() {
        String patient = newId("pat");
        String first = write(TestTokens.patient(patient), patient, note("Note 0", "text", "private"));
        for (int i = 1; i < 25; i++) {
            write(TestTokens.patient(patient), patient, note("Note " + i, "text", "private"));
        }
        post(TestTokens.patient(patient), notes(patient), note("One more", "text", "private")).then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("at most 25 notes"));
        given().auth().oauth2(TestTokens.patient(patient)).when().delete("/api/v1/notes/" + first)
                .then().statusCode(204);
        write(TestTokens.patient(patient), patient, note("One more", "text", "private"));
    }

    @Test
    void badListParametersAreClearErrors() {
        String patient = newId("pat");
        String token = TestTokens.patient(patient);
        given().auth().oauth2(token).queryParam("limit", "0").when().get(notes(patient)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).queryParam("limit", "101").when().get(notes(patient)).then().statusCode(400);
        given().auth().oauth2(token).queryParam("cursor", "garbage!").when().get(notes(patient)).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(token).queryParam("q", "x".repeat(101)).when().get(notes(patient)).then()
                .statusCode(400).body("errors[0].field", equalTo("q")).body("detail", hasLength(below(200)));
        given().auth().oauth2(token).queryParam("tag", "t".repeat(41)).when().get(notes(patient)).then()
                .statusCode(400).body("errors[0].field", equalTo("tag"));
    }

    @Test
    void everyReadOfNoteTextIsAuditedWithWhoAndWhy() {
        String patient = newId("pat");
        String doctor = doctorCaringFor(patient);
        String id = write(TestTokens.patient(patient), patient, note("Rash", "On the left arm", "shared"));
        given().auth().oauth2(TestTokens.doctor(doctor)).when().get("/api/v1/notes/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.doctor(doctor)).when().get(notes(patient)).then().statusCode(200);
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient)).then().statusCode(200);

        var audit = mongo.getDatabase("consulta_notes").getCollection("audit_log");
        Document read = audit.find(Filters.and(Filters.eq("subject", id), Filters.eq("who", doctor))).first();
        assertThat(read).isNotNull();
        assertThat(read.getString("action")).isEqualTo("read note");
        assertThat(read.get("details", Document.class).getString("why")).isEqualTo("care relationship");
        assertThat(read.getDate("at")).isNotNull();
        List<String> whys = new ArrayList<>();
        audit.find(Filters.and(Filters.eq("subject", patient), Filters.eq("action", "read journal")))
                .forEach(d -> whys.add(d.getString("who") + ": " + d.get("details", Document.class).getString("why")));
        assertThat(whys).contains(doctor + ": care relationship", patient + ": own record")
                .containsOnly(doctor + ": care relationship", patient + ": own record");
    }

    private static org.hamcrest.Matcher<String> hasLength(org.hamcrest.Matcher<Integer> length) {
        return new org.hamcrest.FeatureMatcher<>(length, "a text of length", "length") {
            @Override
            protected Integer featureValueOf(String actual) {
                return actual.length();
            }
        };
    }

    private static org.hamcrest.Matcher<Integer> below(int max) {
        return org.hamcrest.Matchers.lessThan(max);
    }

    @Test
    void notesWrittenOrDeletedByAnotherReplicaShowInTheListWithinTheRefreshInterval() {
        String patient = newId("pat");
        String mine = write(TestTokens.patient(patient), patient, note("Mine", "written here", "shared"));
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().body("items.id", contains(mine));

        // another replica writes one note and deletes this one, straight in the shared database
        var collection = mongo.getDatabase("consulta_notes").getCollection("notes");
        java.util.Date now = new java.util.Date();
        String theirs = new org.bson.types.ObjectId().toHexString();
        collection.insertOne(new Document("_id", theirs).append("patientId", patient).append("authorId", patient)
                .append("authorRole", "patient").append("title", "Elsewhere").append("body", "written there")
                .append("tags", List.of()).append("mediaIds", List.of()).append("visibility", "shared")
                .append("audience", "shared").append("version", 1L).append("createdAt", now).append("updatedAt", now)
                .append("deleted", false).append("searchText", "elsewhere\nwritten there"));
        collection.updateOne(Filters.eq("_id", mine), new Document("$set", new Document("deleted", true)
                .append("updatedAt", new java.util.Date())).append("$inc", new Document("version", 1L)));

        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.patient(patient)).queryParam("q", "there").when().get(notes(patient))
                .then().statusCode(200).body("items.id", contains(theirs)));
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().body("items.id", contains(theirs));
    }

    @Test
    void aDoctorWhoseOnlyAppointmentIsCancelledNoLongerOpensTheJournal() {
        String patient = newId("pat");
        String doctor = newId("doc");
        String appointment = book(patient, doctor);
        write(TestTokens.patient(patient), patient, note("Hello", "doctor", "shared"));
        io.consulta.notes.NotesFixtures.cancel(appointment, patient, doctor);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2(TestTokens.doctor(doctor))
                .when().get(notes(patient)).statusCode() == 404);
        given().auth().oauth2(TestTokens.patient(patient)).when().get(notes(patient))
                .then().statusCode(200).body("items.title", hasItems("Hello")).body("items", hasSize(1));
    }
}
