package io.consulta.appointment.api;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.consulta.appointment.api.Clinic.OPEN_EVERY_DAY;
import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AvailabilityTest {

    private static final String BERLIN_WEEKDAYS = """
            {"timeZone":"Europe/Berlin",
             "weeklyHours":{"MONDAY":[{"start":"09:00","end":"12:00"},{"start":"14:00","end":"18:00"}],
                            "FRIDAY":[{"start":"22:00","end":"02:00"}]},
             "dateOverrides":[{"date":"2026-12-24","hours":[]},{"date":"2026-12-23","hours":[{"start":"10:00","end":"12:00"}]}],
             "slotMinutes":20,"bufferBeforeMinutes":5,"bufferAfterMinutes":10,"minimumNoticeMinutes":120,
             "horizonDays":30,"cancellationCutoffHours":12,
             "visitTypes":[{"type":"IN_PERSON","minutes":20},{"type":"VIDEO","minutes":40}]}
            """;

    @Test
    void a_doctor_publishes_their_hours_and_anyone_signed_in_reads_them() {
        String doctorId = newId("dr");

        asDoctor(doctorId).body(BERLIN_WEEKDAYS).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(200)
                .body("doctorId", equalTo(doctorId))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("weeklyHours.MONDAY", hasSize(2))
                .body("weeklyHours.FRIDAY[0].start", equalTo("22:00"))
                .body("dateOverrides.find { it.date == '2026-12-24' }.hours", hasSize(0))
                .body("visitTypes.find { it.type == 'VIDEO' }.minutes", equalTo(40))
                .body("bufferAfterMinutes", equalTo(10))
                .body("version", equalTo(1));

        asPatient(newId("pat")).get("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(200).body("slotMinutes", equalTo(20)).body("cancellationCutoffHours", equalTo(12));
    }

    @Test
    void left_out_settings_get_sensible_defaults() {
        String doctorId = newId("dr");
        asDoctor(doctorId).body("""
                        {"timeZone":"UTC","weeklyHours":{"MONDAY":[{"start":"09:00","end":"10:00"}]},"slotMinutes":30,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""")
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(200)
                .body("minimumNoticeMinutes", equalTo(60))
                .body("horizonDays", equalTo(60))
                .body("cancellationCutoffHours", equalTo(24))
                .body("bufferBeforeMinutes", equalTo(0));
    }

    @Test
    void a_stale_if_match_is_refused_with_412_and_a_current_one_is_accepted() {
        String doctorId = newId("dr");
        asDoctor(doctorId).body(OPEN_EVERY_DAY).put("/api/v1/doctors/{id}/availability", doctorId).then().statusCode(200);

        asDoctor(doctorId).header("If-Match", "\"0\"").body(OPEN_EVERY_DAY)
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("version 1"));
        asDoctor(doctorId).header("If-Match", "\"1\"").body(OPEN_EVERY_DAY)
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void only_the_doctor_themself_may_change_their_hours() {
        String doctorId = newId("dr");

        asDoctor(newId("dr")).body(OPEN_EVERY_DAY).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(403).contentType("application/problem+json");
        asPatient(doctorId).body(OPEN_EVERY_DAY).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(OPEN_EVERY_DAY).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(401);
        asPatient(newId("pat")).get("/api/v1/doctors/{id}/availability", doctorId).then().statusCode(404);
    }

    @Test
    void invalid_hours_are_refused_with_every_field_named() {
        String doctorId = newId("dr");
        asDoctor(doctorId).body("""
                        {"timeZone":"Mars/Olympus","weeklyHours":{"MONDAY":[{"start":"09:07","end":"10:00"},
                         {"start":"11:00","end":"11:00"}]},"slotMinutes":32,"bufferAfterMinutes":-5,
                         "visitTypes":[{"type":"VIDEO","minutes":30},{"type":"VIDEO","minutes":30}]}""")
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("bufferAfterMinutes"));

        asDoctor(doctorId).body("""
                        {"timeZone":"Mars/Olympus","weeklyHours":{"MONDAY":[{"start":"09:07","end":"10:00"},
                         {"start":"11:00","end":"11:00"}]},"slotMinutes":32,
                         "visitTypes":[{"type":"VIDEO","minutes":30},{"type":"VIDEO","minutes":30}]}""")
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400)
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("slotMinutes"))
                .body("errors.field", hasItem("weeklyHours.MONDAY[0].start"))
                .body("errors.field", hasItem("weeklyHours.MONDAY[1]"))
                .body("errors.field", hasItem("visitTypes[1].type"));
        asPatient(newId("pat")).get("/api/v1/doctors/{id}/availability", doctorId).then().statusCode(404);
    }

    @Test
    void missing_fields_unknown_days_and_malformed_json_are_400() {
        String doctorId = newId("dr");
        asDoctor(doctorId).body("{\"timeZone\":\"UTC\"}").put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400)
                .body("errors.field", hasItem("weeklyHours"))
                .body("errors.field", hasItem("slotMinutes"))
                .body("errors.field", hasItem("visitTypes"));
        asDoctor(doctorId).body("""
                        {"timeZone":"UTC","weeklyHours":{"FUNDAY":[]},"slotMinutes":30,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""")
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
        asDoctor(doctorId).body("{\"timeZone\":").put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
        asDoctor(doctorId).body("""
                        {"timeZone":"UTC","weeklyHours":{"MONDAY":[{"start":"25:00","end":"10:00"}]},"slotMinutes":30,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""")
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_doctor_token_is_checked_for_the_right_role() {
        String doctorId = newId("dr");
        Clinic.as(TestTokens.admin(doctorId)).body(OPEN_EVERY_DAY).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(403);
    }
}
