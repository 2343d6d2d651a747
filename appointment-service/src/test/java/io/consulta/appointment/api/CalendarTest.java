package io.consulta.appointment.api;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.consulta.appointment.api.Clinic.asDoctor;
import static io.consulta.appointment.api.Clinic.asPatient;
import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.booked;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CalendarTest {

    @Test
    void the_feed_lists_the_callers_visits_and_parses_as_icalendar() throws Exception {
        String doctorId = doctorWithHours();
        String patientId = newId("pat");
        String kept = booked(patientId, doctorId, at(3, "09:00"));
        String cancelled = booked(patientId, doctorId, at(4, "09:00"));
        String someoneElses = booked(newId("pat"), doctorId, at(3, "10:00"));
        asPatient(patientId).body(Map.of()).post("/api/v1/appointments/{id}/cancel", cancelled).then().statusCode(200);

        Calendar patientFeed = feed(asPatient(patientId).get("/api/v1/appointments/calendar.ics")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .extract().asString());

        List<VEvent> events = patientFeed.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactlyInAnyOrder(kept + "@consulta", cancelled + "@consulta");
        VEvent visit = events.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith(kept)).findFirst().orElseThrow();
        assertThat(visit.getDateTimeStart().getValue()).isEqualTo(
                at(3, "09:00").toString().replace("-", "").replace(":", ""));
        assertThat(visit.getSummary().getValue()).startsWith("Visit with");
        assertThat(events.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith(cancelled)).findFirst()
                .orElseThrow().getStatus().getValue()).isEqualTo("CANCELLED");

        Calendar doctorFeed = feed(asDoctor(doctorId).get("/api/v1/appointments/calendar.ics").then().statusCode(200)
                .extract().asString());
        assertThat(doctorFeed.<VEvent>getComponents("VEVENT")).extracting(e -> e.getUid().orElseThrow().getValue())
                .contains(kept + "@consulta", someoneElses + "@consulta");
    }

    @Test
    void the_feed_is_personal() {
        Clinic.as(TestTokens.admin(newId("adm"))).get("/api/v1/appointments/calendar.ics").then().statusCode(403);
        io.restassured.RestAssured.get("/api/v1/appointments/calendar.ics").then().statusCode(401);
        asPatient(newId("pat")).get("/api/v1/appointments/calendar.ics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("BEGIN:VEVENT")));
    }

    private static Calendar feed(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
