package io.consulta.e2e;

import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.consulta.localstack.DemoData;
import io.consulta.localstack.DemoUsers;
import io.consulta.localstack.DemoUsers.DemoUser;
import io.consulta.localstack.ServiceSpec;
import io.consulta.localstack.demo.DemoOutcome;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static io.consulta.e2e.support.Services.appointments;
import static io.consulta.e2e.support.Services.auth;
import static io.consulta.e2e.support.Services.notes;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./consulta start --demo-data}: the loader fills the running stack through the public APIs with a clinic
 * someone can try at once, and loading it again on the same data changes nothing.
 */
@ExtendWith(StackExtension.class)
class DemoDataJourneyIT {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private static String token(DemoUser user) {
        return Realm.token(user.username(), user.password());
    }

    /** The loader as --demo-data runs it, with what it printed. */
    private record Load(DemoOutcome outcome, String printed) {
    }

    private static Load load() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoOutcome outcome = DemoData.load(ServiceSpec.ALL, new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        return new Load(outcome, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoClinicIsReadyToTryAndLoadingItAgainChangesNothing() {
        Load first = load();
        assertThat(first.outcome().succeeded()).as(first.printed()).isTrue();
        assertThat(first.printed()).contains("✓ Demo data", "alice@consulta.local", "/slots?to=");

        String alice = token(DemoUsers.PATIENT_ALICE);
        String houseId = Realm.claims(token(DemoUsers.DOCTOR_HOUSE)).path("sub").asText();
        String quinnId = Realm.claims(token(DemoUsers.DOCTOR_QUINN)).path("sub").asText();

        // Anyone browsing the directory finds both demo doctors with their specialties.
        JsonPath directory = given().queryParam("limit", 100).when().get(auth("/api/v1/doctors"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(directory.getString("items.find { it.id == '" + houseId + "' }.specialty"))
                .isEqualTo("Internal medicine / Diagnostics");
        assertThat(directory.getString("items.find { it.id == '" + quinnId + "' }.specialty"))
                .isEqualTo("Family medicine");
        assertThat(directory.getList("items.find { it.id == '" + quinnId + "' }.languages", String.class))
                .containsExactly("en", "pt");

        // Dr House can be booked all next week, in the clinic's hours.
        LocalDate nextMonday = LocalDate.now(LISBON).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<String> localStarts = given().auth().oauth2(alice)
                .queryParam("from", nextMonday.atStartOfDay(LISBON).toInstant().toString())
                .queryParam("to", nextMonday.plusDays(7).atStartOfDay(LISBON).toInstant().toString())
                .when().get(appointments("/api/v1/doctors/" + houseId + "/slots"))
                .then().statusCode(200).extract().jsonPath().getList("slots.localStart", String.class);
        assertThat(localStarts).isNotEmpty().allSatisfy(start -> assertThat(start.substring(11, 16))
                .isBetween("09:00", "17:30"));
        assertThat(localStarts).anySatisfy(start -> assertThat(start).contains("T09:00"));

        // Alice has her visit with Dr House; Dr House has it in his schedule.
        List<Map<String, Object>> aliceVisits = visitsOf(alice);
        assertThat(aliceVisits).filteredOn(visit -> houseId.equals(visit.get("doctorId")))
                .singleElement().satisfies(visit -> assertThat(visit.get("status")).isEqualTo("booked"));
        String visitId = first.outcome().visit().path("id").asText();
        assertThat(visitsOf(token(DemoUsers.DOCTOR_HOUSE))).extracting(visit -> visit.get("id")).contains(visitId);

        // Alice's journal holds Dr House's shared note with her answer, her own private note, and his prescription;
        // his private working note is not hers to see.
        String aliceId = Realm.claims(alice).path("sub").asText();
        List<String> aliceNotes = given().auth().oauth2(alice).when().get(notes("/api/v1/patients/" + aliceId + "/notes"))
                .then().statusCode(200).extract().jsonPath().getList("items.title", String.class);
        assertThat(aliceNotes).contains("After your visit", "Re: After your visit", "Sleep diary")
                .doesNotContain("Working notes");
        List<String> houseNotes = given().auth().oauth2(token(DemoUsers.DOCTOR_HOUSE)).when()
                .get(notes("/api/v1/patients/" + aliceId + "/notes")).then().statusCode(200)
                .extract().jsonPath().getList("items.title", String.class);
        assertThat(houseNotes).contains("After your visit", "Re: After your visit", "Working notes")
                .doesNotContain("Sleep diary");
        assertThat(given().auth().oauth2(alice).when().get(notes("/api/v1/patients/" + aliceId + "/prescriptions"))
                .then().statusCode(200).extract().jsonPath().getList("items.items[0].medication", String.class))
                .containsExactly("Ibuprofen");

        long houseProfileVersion = profileVersion(DemoUsers.DOCTOR_HOUSE);
        long aliceProfileVersion = profileVersion(DemoUsers.PATIENT_ALICE);
        long houseHoursVersion = given().auth().oauth2(alice).when().get(appointments("/api/v1/doctors/" + houseId + "/availability"))
                .then().statusCode(200).extract().jsonPath().getLong("version");

        Load second = load();

        assertThat(second.outcome().succeeded()).as(second.printed()).isTrue();
        assertThat(second.outcome().changes()).isEmpty();
        assertThat(second.printed()).contains("already in place").doesNotContain("✗");
        assertThat(second.outcome().visit().path("id").asText()).isEqualTo(visitId);
        assertThat(visitsOf(alice)).hasSameSizeAs(aliceVisits);
        assertThat(given().auth().oauth2(alice).when().get(notes("/api/v1/patients/" + aliceId + "/notes"))
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSameSizeAs(aliceNotes);
        assertThat(profileVersion(DemoUsers.DOCTOR_HOUSE)).isEqualTo(houseProfileVersion);
        assertThat(profileVersion(DemoUsers.PATIENT_ALICE)).isEqualTo(aliceProfileVersion);
        assertThat(given().auth().oauth2(alice).when().get(appointments("/api/v1/doctors/" + houseId + "/availability"))
                .then().statusCode(200).extract().jsonPath().getLong("version")).isEqualTo(houseHoursVersion);
    }

    private static List<Map<String, Object>> visitsOf(String token) {
        return given().auth().oauth2(token).queryParam("limit", 100).when().get(appointments("/api/v1/appointments"))
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static long profileVersion(DemoUser user) {
        return given().auth().oauth2(token(user)).when().get(auth("/api/v1/me"))
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }
}
