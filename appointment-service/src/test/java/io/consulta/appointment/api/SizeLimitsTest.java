package io.consulta.appointment.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.newId;
import static io.consulta.appointment.api.Clinic.publishHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Issue 16 item 6: what a doctor can make every patient download, and what an answer repeats, is bounded. */
@QuarkusTest
class SizeLimitsTest {

    private static final String ONE_RANGE = "[{\"start\":\"09:00\",\"end\":\"10:00\"}]";

    @Test
    void at_most_400_date_overrides() {
        String doctorId = newId("doc");
        String overrides = String.join(",", IntStream.range(0, 401)
                .mapToObj(i -> "{\"date\":\"" + LocalDate.of(2027, 1, 1).plusDays(i) + "\",\"hours\":" + ONE_RANGE + "}")
                .toList());

        asDoctor(doctorId).body(availability("\"MONDAY\":" + ONE_RANGE, overrides, 30))
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dateOverrides"));
    }

    @Test
    void at_most_six_ranges_a_day() {
        String doctorId = newId("doc");
        String sevenRanges = "[" + String.join(",", IntStream.range(0, 7)
                .mapToObj(i -> "{\"start\":\"%02d:00\",\"end\":\"%02d:30\"}".formatted(8 + i, 8 + i)).toList()) + "]";

        asDoctor(doctorId).body(availability("\"MONDAY\":" + sevenRanges, "", 30))
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
        asDoctor(doctorId).body(availability("\"MONDAY\":" + ONE_RANGE,
                        "{\"date\":\"2027-01-04\",\"hours\":" + sevenRanges + "}", 30))
                .put("/api/v1/doctors/{id}/availability", doctorId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_densest_slot_grid_comes_in_pages_of_at_most_1000() {
        String doctorId = newId("doc");
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        publishHours(doctorId, availability(everyDay, "", 5));
        Instant from = at(2, "00:00");
        Instant to = from.plus(Duration.ofDays(7));

        String nextFrom = asPatient(newId("pat")).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/doctors/{id}/slots", doctorId)
                .then().statusCode(200).body("slots", hasSize(SlotsView.MAX_SLOTS)).body("nextFrom", notNullValue())
                .extract().path("nextFrom");

        List<String> rest = asPatient(newId("pat")).queryParam("from", nextFrom).queryParam("to", to.toString())
                .get("/api/v1/doctors/{id}/slots", doctorId)
                .then().statusCode(200).body("nextFrom", nullValue())
                .extract().jsonPath().getList("slots.start", String.class);
        assertThat(rest).isNotEmpty().first().isEqualTo(nextFrom);
        assertThat(SlotsView.MAX_SLOTS + rest.size()).isEqualTo(7 * 16 * 12);
    }

    @Test
    void a_huge_unknown_id_is_not_echoed_whole() {
        String huge = "x".repeat(2000);

        String detail = asPatient(newId("pat")).queryParam("from", at(2, "00:00").toString())
                .queryParam("to", at(3, "00:00").toString())
                .get("/api/v1/doctors/{id}/slots", huge)
                .then().statusCode(404).extract().path("detail");
        assertThat(detail).hasSizeLessThan(200);
    }

    private static String availability(String weeklyHours, String overrides, int slotMinutes) {
        return """
                {"timeZone":"UTC","weeklyHours":{%s},"dateOverrides":[%s],"slotMinutes":%d,
                 "minimumNoticeMinutes":0,"horizonDays":60,"cancellationCutoffHours":24,
                 "visitTypes":[{"type":"IN_PERSON","minutes":%d}]}""".formatted(weeklyHours, overrides, slotMinutes,
                slotMinutes);
    }
}
