package io.consulta.bench.appointment;

import io.consulta.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Requests and fixtures shared by the appointment benchmarks: doctors open 06:00–22:00 UTC, 30-minute visits. */
final class Booking {

    static final int SLOTS_PER_DAY = 32;
    private static final long TOKEN_SECONDS = 3 * 3600;

    private Booking() {
    }

    static String doctorToken(String doctorId) {
        return TestTokens.token(doctorId, List.of("doctor"), TOKEN_SECONDS);
    }

    static String patientToken(String patientId) {
        return TestTokens.token(patientId, List.of("patient"), TOKEN_SECONDS);
    }

    static HttpRequest publishHours(String baseUrl, String doctorId, int horizonDays) {
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        String body = """
                {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,"horizonDays":%d,
                 "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""".formatted(everyDay, horizonDays);
        return json(URI.create(baseUrl + "/api/v1/doctors/" + doctorId + "/availability"), doctorToken(doctorId))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest book(String baseUrl, String patientToken, String doctorId, Instant start) {
        String body = "{\"doctorId\":\"" + doctorId + "\",\"start\":\"" + start + "\",\"visitType\":\"IN_PERSON\"}";
        return json(URI.create(baseUrl + "/api/v1/appointments"), patientToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Every bookable start from tomorrow on, day by day. */
    static List<Instant> slots(int days) {
        List<Instant> starts = new ArrayList<>();
        LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (int day = 0; day < days; day++) {
            Instant opening = first.plusDays(day).atTime(6, 0).toInstant(ZoneOffset.UTC);
            for (int slot = 0; slot < SLOTS_PER_DAY; slot++) {
                starts.add(opening.plusSeconds(1800L * slot));
            }
        }
        return starts;
    }

    private static HttpRequest.Builder json(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }
}
