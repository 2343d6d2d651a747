package io.consulta.localstack.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader's orchestration against {@link FakeServices}: what it writes, what it leaves alone, how it fails. */
class DemoClinicTest {

    private static final Clock FRIDAY_MORNING = Clock.fixed(Instant.parse("2030-01-04T08:00:00Z"), ZoneOffset.UTC);

    private FakeServices services;

    @BeforeEach
    void start() throws IOException {
        services = new FakeServices();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private DemoOutcome load() {
        return new DemoClinic(services.endpoints(), new ApiClient(), FRIDAY_MORNING).load();
    }

    @Test
    void aFirstLoadFillsProfilesHoursAndOneVisitAndASecondLoadWritesNothing() {
        DemoOutcome first = load();

        assertThat(first.succeeded()).as("%s", first.failure()).isTrue();
        assertThat(first.changes()).hasSize(4 + 2 + 1);
        assertThat(services.profiles.get("dr.house@consulta.local").path("specialty").asText())
                .isEqualTo("Internal medicine / Diagnostics");
        assertThat(services.profiles.get("alice@consulta.local").path("phone").asText()).isEqualTo("+351 912 345 678");
        assertThat(services.availability).containsOnlyKeys("id-dr.house@consulta.local", "id-dr.quinn@consulta.local");
        assertThat(services.visits).singleElement().satisfies(visit -> {
            assertThat(visit.path("doctorId").asText()).isEqualTo("id-dr.house@consulta.local");
            assertThat(visit.path("start").asText()).isEqualTo("2030-01-07T09:00:00Z");
        });
        int writes = services.writes.get();

        DemoOutcome second = load();

        assertThat(second.succeeded()).isTrue();
        assertThat(second.changes()).isEmpty();
        assertThat(services.writes.get()).isEqualTo(writes);
        assertThat(services.visits).hasSize(1);
        assertThat(second.visit().path("id").asText()).isEqualTo(first.visit().path("id").asText());
    }

    @Test
    void aProfileSavedBySomeoneElseMeanwhileIsReReadAndTheDemoFieldsApplied() {
        services.staleProfileWrites.set(2);

        DemoOutcome outcome = load();

        assertThat(outcome.succeeded()).as("%s", outcome.failure()).isTrue();
        assertThat(services.profiles.get("dr.house@consulta.local").path("bio").asText()).startsWith("Internist");
    }

    @Test
    void whatTheUserSetThemselvesSurvivesALoad() {
        load();
        services.profiles.get("alice@consulta.local").put("photoMediaId", "media-1").put("phone", "+44 20 7946 0000");

        load();

        assertThat(services.profiles.get("alice@consulta.local").path("photoMediaId").asText()).isEqualTo("media-1");
        assertThat(services.profiles.get("alice@consulta.local").path("phone").asText()).isEqualTo("+351 912 345 678");
    }

    @Test
    void aRefusedStepIsReportedWithTheServersProblemAndNothingIsThrown() {
        services.availabilityProblem = "weeklyHours.MONDAY[0].start: must fall on a 5-minute mark";

        DemoOutcome outcome = load();

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure().step()).isEqualTo("hours of Gregory House");
        assertThat(outcome.failure().reason())
                .isEqualTo("HTTP 400 Invalid input: weeklyHours.MONDAY[0].start: must fall on a 5-minute mark");
        assertThat(outcome.changes()).hasSize(4);
        assertThat(services.visits).isEmpty();
        assertThat(DemoReport.lines(outcome, services.endpoints(), FRIDAY_MORNING.instant()).getFirst())
                .isEqualTo("✗ Demo data not loaded: step \"hours of Gregory House\" failed: HTTP 400 Invalid input: "
                        + "weeklyHours.MONDAY[0].start: must fall on a 5-minute mark");
    }

    @Test
    void anUnreachableKeycloakFailsTheFirstStepClearly() {
        Endpoints nowhere = new Endpoints("http://127.0.0.1:1/token", "http://127.0.0.1:1", "http://127.0.0.1:1");

        DemoOutcome outcome = new DemoClinic(nowhere, new ApiClient(), FRIDAY_MORNING).load();

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure().step()).isEqualTo("POST http://127.0.0.1:1/token");
        assertThat(outcome.failure().reason()).startsWith("cannot reach it");
    }

    @Test
    void theSummaryNamesTheDoctorsTheVisitTheLoginsAndACurlForSlots() {
        DemoOutcome outcome = load();

        String summary = String.join("\n", DemoReport.lines(outcome, services.endpoints(), FRIDAY_MORNING.instant()));

        assertThat(summary).contains("Gregory House (Internal medicine / Diagnostics)", "Michaela Quinn (Family medicine)",
                "Alice Martin with Gregory House on Mon 7 Jan 09:00 (Europe/Lisbon)",
                "alice@consulta.local / Patient-Demo-2026!", "dr.house@consulta.local / Doctor-Demo-2026!",
                "/api/v1/doctors/id-dr.house@consulta.local/slots?to=2030-01-11T00:00:00Z");
    }
}
