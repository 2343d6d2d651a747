package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanTest {

    @Test
    void theHoursAreTheClinicsWorkingWeekOnLisbonTime() {
        JsonNode hours = DemoPlan.availability();

        assertThat(hours.path("timeZone").asText()).isEqualTo("Europe/Lisbon");
        List<String> days = new ArrayList<>();
        hours.path("weeklyHours").fieldNames().forEachRemaining(days::add);
        assertThat(days).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(hours.path("weeklyHours").path("WEDNESDAY").toString())
                .isEqualTo("[{\"start\":\"09:00\",\"end\":\"12:30\"},{\"start\":\"14:00\",\"end\":\"18:00\"}]");
        assertThat(hours.path("minimumNoticeMinutes").asInt()).isEqualTo(120);
        assertThat(hours.path("horizonDays").asInt()).isEqualTo(60);
    }

    @Test
    void everyVisitWithItsBufferFitsOneSlotSoNeighbouringSlotsStayBookable() {
        JsonNode hours = DemoPlan.availability();
        int slot = hours.path("slotMinutes").asInt();
        int buffers = hours.path("bufferBeforeMinutes").asInt() + hours.path("bufferAfterMinutes").asInt();

        assertThat(slot).isEqualTo(30);
        assertThat(buffers).isEqualTo(5);
        assertThat(hours.path("visitTypes").findValuesAsText("type")).containsExactly("IN_PERSON", "VIDEO");
        hours.path("visitTypes").forEach(type -> assertThat(type.path("minutes").asInt() + buffers).isLessThanOrEqualTo(slot));
    }

    @Test
    void doctorsHaveWhatTheDirectoryShowsAndPatientsWhatAFrontDeskNeeds() {
        for (DemoPlan.Person doctor : DemoPlan.DOCTORS) {
            assertThat(doctor.profile().path("name").asText()).isEqualTo(doctor.user().name());
            for (String field : List.of("specialty", "bio", "languages", "clinicAddress", "consultationFee")) {
                assertThat(doctor.profile().has(field)).as(doctor.user().name() + " " + field).isTrue();
            }
        }
        assertThat(DemoPlan.HOUSE.profile().path("specialty").asText()).containsIgnoringCase("internal medicine");
        assertThat(DemoPlan.QUINN.profile().path("specialty").asText()).isEqualTo("Family medicine");
        for (DemoPlan.Person patient : DemoPlan.PATIENTS) {
            assertThat(patient.profile().path("phone").asText()).matches("\\+?[0-9 ()-]{6,20}");
            assertThat(patient.profile().path("dateOfBirth").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(DemoPlan.PROFILE_FIELDS).containsAll(() -> DemoPlan.HOUSE.profile().fieldNames());
        assertThat(DemoPlan.AVAILABILITY_FIELDS).containsAll(() -> DemoPlan.availability().fieldNames());
    }
}
