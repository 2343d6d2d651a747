package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBookingTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final String HOUSE = "house-id";

    private static JsonNode json(String text) throws IOException {
        return ApiClient.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theSearchStartsAtMidnightTomorrowOnTheClinicsClock() {
        // 23:30 UTC on 31 March is already 00:30 on 1 April in Lisbon (summer time): tomorrow is 2 April there.
        DemoBooking.Window window = DemoBooking.searchWindow(Instant.parse("2026-03-31T23:30:00Z"), LISBON);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-04-01T23:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-04-11T23:00:00Z"));
    }

    @Test
    void theFirstSlotOnAWeekdayIsTakenAndWeekendSlotsAreSkipped() throws IOException {
        JsonNode slots = json("""
                {'slots':[
                  {'start':'2026-04-04T09:00:00Z','localStart':'2026-04-04T10:00+01:00'},
                  {'start':'2026-04-05T09:00:00Z','localStart':'2026-04-05T10:00+01:00'},
                  {'start':'2026-04-06T08:00:00Z','localStart':'2026-04-06T09:00+01:00'},
                  {'start':'2026-04-06T08:30:00Z','localStart':'2026-04-06T09:30+01:00'}]}""");

        assertThat(DemoBooking.firstWeekdaySlot(slots)).contains("2026-04-06T08:00:00Z");
    }

    @Test
    void noSlotsMeansNoPick() throws IOException {
        assertThat(DemoBooking.firstWeekdaySlot(json("{'slots':[]}"))).isEmpty();
        assertThat(DemoBooking.firstWeekdaySlot(json("{}"))).isEmpty();
    }

    @Test
    void anUpcomingBookedVisitWithTheDoctorCountsAsTheDemoVisit() throws IOException {
        Instant now = Instant.parse("2026-04-06T10:00:00Z");
        JsonNode ended = json("{'doctorId':'house-id','status':'booked','end':'2026-04-06T09:55:00Z'}");
        JsonNode cancelled = json("{'doctorId':'house-id','status':'cancelled','end':'2026-04-07T09:25:00Z'}");
        JsonNode otherDoctor = json("{'doctorId':'quinn-id','status':'booked','end':'2026-04-07T09:25:00Z'}");
        JsonNode upcoming = json("{'doctorId':'house-id','status':'booked','end':'2026-04-08T09:25:00Z'}");

        assertThat(DemoBooking.upcomingVisitWith(List.of(ended, cancelled, otherDoctor), HOUSE, now)).isEmpty();
        assertThat(DemoBooking.upcomingVisitWith(List.of(ended, cancelled, otherDoctor, upcoming), HOUSE, now))
                .contains(upcoming);
    }

    @Test
    void aVisitInProgressStillCounts() throws IOException {
        JsonNode arrived = json("{'doctorId':'house-id','status':'arrived','end':'2026-04-06T10:25:00Z'}");

        assertThat(DemoBooking.upcomingVisitWith(List.of(arrived), HOUSE, Instant.parse("2026-04-06T10:10:00Z")))
                .contains(arrived);
    }
}
