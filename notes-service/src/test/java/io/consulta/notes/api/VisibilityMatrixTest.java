package io.consulta.notes.api;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.consulta.notes.NotesFixtures.book;
import static io.consulta.notes.NotesFixtures.issue;
import static io.consulta.notes.NotesFixtures.newId;
import static io.consulta.notes.NotesFixtures.note;
import static io.consulta.notes.NotesFixtures.notes;
import static io.consulta.notes.NotesFixtures.write;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Who sees what of one patient's record. The doctor who wrote the notes and issued the prescription, a second doctor
 * of the patient, a doctor and a patient from elsewhere, and an admin, against a shared note, the writing doctor's
 * private note, the patient's private note, the patient's reply to the shared note, the prescription and its PDF.
 * A cell either shows the thing (200, and in the journal list) or denies that it exists (404, and not listed).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixTest {

    private final String patient = newId("pat");
    private final String doctor = newId("doc");
    private final String colleague = newId("doc");
    private final String outsider = newId("doc");
    private final String otherPatient = newId("pat");
    private final String admin = newId("adm");
    private Map<String, String> things;

    /** Written once, by the first cell (the app under test is not listening yet in a @BeforeAll). */
    private synchronized Map<String, String> record() {
        if (things == null) {
            things = writeTheRecord();
        }
        return things;
    }

    private Map<String, String> writeTheRecord() {
        book(patient, doctor);
        book(patient, colleague);
        String shared = write(TestTokens.doctor(doctor), patient, note("Plan", "Rest and fluids", "shared"));
        String doctorPrivate = write(TestTokens.doctor(doctor), patient, note("Hunch", "Check thyroid", "private"));
        String patientPrivate = write(TestTokens.patient(patient), patient, note("Diary", "Worried", "private"));
        Map<String, Object> answer = note("Re: Plan", "Will do", "shared");
        answer.put("inReplyTo", shared);
        String reply = write(TestTokens.patient(patient), patient, answer);
        String prescription = issue(doctor, patient);
        return Map.of("shared", "/api/v1/notes/" + shared, "doctor-private", "/api/v1/notes/" + doctorPrivate,
                "patient-private", "/api/v1/notes/" + patientPrivate, "reply", "/api/v1/notes/" + reply,
                "prescription", "/api/v1/prescriptions/" + prescription,
                "pdf", "/api/v1/prescriptions/" + prescription + "/pdf");
    }

    private String token(String who) {
        return switch (who) {
            case "patient" -> TestTokens.patient(patient);
            case "own-doctor" -> TestTokens.doctor(doctor);
            case "second-doctor" -> TestTokens.doctor(colleague);
            case "other-doctor" -> TestTokens.doctor(outsider);
            case "other-patient" -> TestTokens.patient(otherPatient);
            case "admin" -> TestTokens.admin(admin);
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "patient,       shared,          200",
            "patient,       doctor-private,  404",
            "patient,       patient-private, 200",
            "patient,       reply,           200",
            "patient,       prescription,    200",
            "patient,       pdf,             200",
            "own-doctor,    shared,          200",
            "own-doctor,    doctor-private,  200",
            "own-doctor,    patient-private, 404",
            "own-doctor,    reply,           200",
            "own-doctor,    prescription,    200",
            "own-doctor,    pdf,             200",
            "second-doctor, shared,          200",
            "second-doctor, doctor-private,  404",
            "second-doctor, patient-private, 404",
            "second-doctor, reply,           200",
            "second-doctor, prescription,    200",
            "second-doctor, pdf,             200",
            "other-doctor,  shared,          404",
            "other-doctor,  doctor-private,  404",
            "other-doctor,  patient-private, 404",
            "other-doctor,  reply,           404",
            "other-doctor,  prescription,    404",
            "other-doctor,  pdf,             404",
            "other-patient, shared,          404",
            "other-patient, doctor-private,  404",
            "other-patient, patient-private, 404",
            "other-patient, reply,           404",
            "other-patient, prescription,    404",
            "other-patient, pdf,             404",
            "admin,         shared,          404",
            "admin,         doctor-private,  404",
            "admin,         patient-private, 404",
            "admin,         reply,           404",
            "admin,         prescription,    404",
            "admin,         pdf,             404",
    })
    void whoSeesWhat(String who, String thing, int status) {
        String path = record().get(thing);
        given().auth().oauth2(token(who)).when().get(path).then().statusCode(status);
        if (path.startsWith("/api/v1/notes/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            var list = given().auth().oauth2(token(who)).when().get(notes(patient)).then();
            if (status == 200) {
                list.statusCode(200).body("items.id", hasItem(id));
            } else if (who.startsWith("other") || who.equals("admin")) {
                list.statusCode(404);
            } else {
                list.statusCode(200).body("items.id", not(hasItem(id)));
            }
        }
    }
}
