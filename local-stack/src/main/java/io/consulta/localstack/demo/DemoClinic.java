package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consulta.localstack.DemoUsers;
import io.consulta.localstack.DemoUsers.DemoUser;
import lombok.RequiredArgsConstructor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the demo clinic through the services' public REST APIs, as the demo users themselves would: it logs each in
 * at Keycloak, fills in their profiles, publishes the doctors' hours and books Alice a visit with Dr House. Every step
 * first reads what is there and writes only what differs, so loading again on kept data changes nothing.
 */
@RequiredArgsConstructor
public final class DemoClinic {

    /** Optimistic-concurrency conflicts are re-read and retried this often before the step gives up. */
    private static final int ATTEMPTS = 3;

    private final Endpoints endpoints;
    private final ApiClient api;
    private final Clock clock;
    private final Map<DemoUser, String> tokens = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();

    /** Never throws for a refused step: the outcome names the step and what the server said. */
    public DemoOutcome load() {
        try {
            for (DemoUser user : DemoUsers.ALL) {
                tokens.put(user, api.login(endpoints.tokenUrl(), Endpoints.WEB_CLIENT, user.username(), user.password()));
            }
            Map<DemoUser, String> ids = new LinkedHashMap<>();
            ids.put(DemoUsers.ADMIN, profile(DemoUsers.ADMIN, null).path("id").asText());
            for (DemoPlan.Person person : DemoPlan.DOCTORS) {
                ids.put(person.user(), doctor(person));
            }
            for (DemoPlan.Person person : DemoPlan.PATIENTS) {
                ids.put(person.user(), profile(person.user(), person.profile()).path("id").asText());
            }
            for (DemoPlan.Person person : DemoPlan.DOCTORS) {
                hours(person.user(), ids.get(person.user()));
            }
            JsonNode visit = visit(DemoUsers.PATIENT_ALICE, ids.get(DemoUsers.DOCTOR_HOUSE));
            if (endpoints.notesService() != null) {
                new DemoJournal(endpoints, api, clock, changes).load(ids.get(DemoUsers.PATIENT_ALICE),
                        tokens.get(DemoUsers.PATIENT_ALICE), ids.get(DemoUsers.DOCTOR_HOUSE),
                        tokens.get(DemoUsers.DOCTOR_HOUSE));
            }
            return DemoOutcome.loaded(changes, ids.get(DemoUsers.DOCTOR_HOUSE), visit);
        } catch (DemoStepFailed failed) {
            return DemoOutcome.failed(changes, failed);
        } catch (RuntimeException unexpected) {
            return DemoOutcome.failed(changes, new DemoStepFailed("demo data", unexpected.toString()));
        }
    }

    /** A doctor's profile; a realm doctor is approved by provisioning, one that is still pending gets approved. */
    private String doctor(DemoPlan.Person person) {
        JsonNode profile = profile(person.user(), person.profile());
        String id = profile.path("id").asText();
        String status = profile.path("status").asText();
        if ("PENDING".equals(status) || "REJECTED".equals(status)) {
            api.post(endpoints.authService() + "/api/v1/admin/doctors/" + id + "/approve", tokens.get(DemoUsers.ADMIN),
                    Map.of(), null).expect("approve " + person.user().name() + " as the demo admin", 200);
            changes.add("approved " + person.user().name());
        }
        return id;
    }

    /** GET /me provisions the profile from the token; PUT /me sets the wanted fields if they differ. */
    private JsonNode profile(DemoUser user, ObjectNode wanted) {
        String step = "profile of " + user.name();
        for (int attempt = 1; ; attempt++) {
            ApiClient.Reply current = api.get(endpoints.authService() + "/api/v1/me", tokens.get(user)).expect(step, 200);
            if (wanted == null || JsonFields.holds(current.body(), wanted)) {
                return current.body();
            }
            ApiClient.Reply updated = api.put(endpoints.authService() + "/api/v1/me", tokens.get(user), current.etag(),
                    JsonFields.overlay(current.body(), DemoPlan.PROFILE_FIELDS, wanted));
            if (updated.status() != 412 || attempt == ATTEMPTS) {
                updated.expect(step, 200);
                changes.add("profile of " + user.name());
                return updated.body();
            }
        }
    }

    /** GET the doctor's availability (404: none yet, version 0) and PUT the demo hours if they differ. */
    private void hours(DemoUser doctor, String doctorId) {
        String step = "hours of " + doctor.name();
        String url = endpoints.appointmentService() + "/api/v1/doctors/" + doctorId + "/availability";
        ObjectNode wanted = DemoPlan.availability();
        for (int attempt = 1; ; attempt++) {
            ApiClient.Reply current = api.get(url, tokens.get(doctor)).expect(step, 200, 404);
            JsonNode stored = current.status() == 200 ? current.body() : null;
            if (stored != null && JsonFields.holds(stored, wanted)) {
                return;
            }
            long version = stored == null ? 0 : stored.path("version").asLong();
            ObjectNode body = JsonFields.overlay(stored, DemoPlan.AVAILABILITY_FIELDS, wanted);
            ApiClient.Reply updated = api.put(url, tokens.get(doctor), "\"" + version + "\"", body);
            if (updated.status() != 412 || attempt == ATTEMPTS) {
                updated.expect(step, 200);
                changes.add("hours of " + doctor.name());
                return;
            }
        }
    }

    /** The patient's upcoming visit with the doctor, or a new one at the first free weekday slot from tomorrow. */
    private JsonNode visit(DemoUser patient, String doctorId) {
        String token = tokens.get(patient);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Optional<JsonNode> existing = DemoBooking.upcomingVisitWith(visitsOf(patient), doctorId, now);
            if (existing.isPresent()) {
                return existing.get();
            }
            DemoBooking.Window window = DemoBooking.searchWindow(now, DemoPlan.CLINIC_ZONE);
            String slotsUrl = endpoints.appointmentService() + "/api/v1/doctors/" + doctorId + "/slots?from="
                    + window.from() + "&to=" + window.to() + "&visitType=" + DemoPlan.VISIT_TYPE;
            JsonNode slots = api.get(slotsUrl, token).expect("free slots of the demo doctor", 200).body();
            String start = DemoBooking.firstWeekdaySlot(slots).orElseThrow(() -> new DemoStepFailed(
                    "book the demo visit", "no free weekday slot between " + window.from() + " and " + window.to()));
            ObjectNode booking = ApiClient.JSON.createObjectNode().put("doctorId", doctorId).put("start", start)
                    .put("visitType", DemoPlan.VISIT_TYPE).put("reason", DemoPlan.VISIT_REASON);
            // The key names the slot: a retry of this very request is replayed, never booked twice.
            String key = "demo-data:" + doctorId + ":" + start;
            ApiClient.Reply booked = api.post(endpoints.appointmentService() + "/api/v1/appointments", token,
                    Map.of("Idempotency-Key", key), booking);
            // 409: someone took the slot between listing and booking; look again.
            if (booked.status() != 409 || attempt == ATTEMPTS) {
                booked.expect("book " + patient.name() + "'s demo visit at " + start, 201);
                changes.add("visit of " + patient.name() + " at " + start);
                return booked.body();
            }
        }
    }

    /** All of the patient's visits the list shows (its default window), page by page. */
    private List<JsonNode> visitsOf(DemoUser patient) {
        List<JsonNode> visits = new ArrayList<>();
        String cursor = null;
        do {
            String url = endpoints.appointmentService() + "/api/v1/appointments?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = api.get(url, tokens.get(patient)).expect("visits of " + patient.name(), 200).body();
            page.path("items").forEach(visits::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return visits;
    }
}
