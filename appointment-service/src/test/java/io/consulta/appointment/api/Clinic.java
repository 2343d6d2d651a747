package io.consulta.appointment.api;

import io.consulta.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A doctor with published hours and patients who book them, spoken to through the API as clients would. */
public final class Clinic {

    /** Every day 06:00–22:00 UTC, 30-minute visits, no buffers or notice, so any future half hour is bookable. */
    public static final String OPEN_EVERY_DAY = """
            {"timeZone":"UTC",
             "weeklyHours":{%s},
             "slotMinutes":30,"minimumNoticeMinutes":0,"horizonDays":60,"cancellationCutoffHours":24,
             "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":30}]}
            """.formatted(String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
            .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList()));

    private Clinic() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPatient(String patientId) {
        return as(TestTokens.patient(patientId));
    }

    public static RequestSpecification asDoctor(String doctorId) {
        return as(TestTokens.doctor(doctorId));
    }

    /** A doctor who just published {@link #OPEN_EVERY_DAY}. */
    public static String doctorWithHours() {
        String doctorId = newId("dr");
        publishHours(doctorId, OPEN_EVERY_DAY);
        return doctorId;
    }

    public static void publishHours(String doctorId, String availability) {
        asDoctor(doctorId).body(availability).put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(200);
    }

    /** {@code daysAhead} days from today at a UTC wall-clock time such as "09:00". */
    public static Instant at(int daysAhead, String time) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead).atTime(java.time.LocalTime.parse(time))
                .toInstant(ZoneOffset.UTC);
    }

    public static ValidatableResponse book(String patientId, String doctorId, Instant start) {
        return asPatient(patientId).body(Map.of("doctorId", doctorId, "start", start.toString(),
                "visitType", "IN_PERSON", "reason", "Persistent cough")).post("/api/v1/appointments").then();
    }

    public static String booked(String patientId, String doctorId, Instant start) {
        return book(patientId, doctorId, start).statusCode(201).extract().path("id");
    }

    /** A visit booked by a new patient with a new doctor. */
    public record Visit(String doctorId, String patientId, String id) {
    }

    /** A new patient's visit with a new doctor (weekday hours), three days ahead at 09:00. */
    public static Visit aBookedVisit() {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        return new Visit(doctorId, patientId, booked(patientId, doctorId, at(3, "09:00")));
    }

    /** Asks to keep {@code start} for the patient a few minutes (POST /api/v1/holds). */
    public static Response hold(String patientId, String doctorId, Instant start) {
        return asPatient(patientId).body(Map.of("doctorId", doctorId, "start", start.toString(), "visitType", "IN_PERSON"))
                .post("/api/v1/holds");
    }

    /** The doctor's free slots from an hour before {@code start} to an hour after, as another patient sees them. */
    public static ValidatableResponse slotsAround(String doctorId, Instant start) {
        return asPatient(newId("pat")).queryParam("from", start.minus(Duration.ofHours(1)).toString())
                .queryParam("to", start.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/doctors/{id}/slots", doctorId).then().statusCode(200);
    }
}
