package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The demo clinic's journal: after Alice's booking, Dr House shares a note and issues a prescription, and Alice
 * answers and keeps a note of her own. Written once: if Dr House already wrote in Alice's journal (or issued her a
 * prescription) that part is left alone, so loading again changes nothing.
 */
@RequiredArgsConstructor
final class DemoJournal {

    /** notes-service learns of the booking from its event; the loader waits this long for it. */
    private static final Duration RELATIONSHIP_WAIT = Duration.ofSeconds(60);

    private final Endpoints endpoints;
    private final ApiClient api;
    private final Clock clock;
    private final List<String> changes;

    void load(String aliceId, String aliceToken, String houseId, String houseToken) {
        String journal = endpoints.notesService() + "/api/v1/patients/" + aliceId + "/notes";
        awaitCareRelationship(journal, houseToken);
        JsonNode byHouse = api.get(journal + "?limit=1&author=" + houseId, houseToken)
                .expect("Dr House's notes in Alice's journal", 200).body();
        if (byHouse.path("items").isEmpty()) {
            String noteId = write(journal, houseToken, "After your visit", """
                    Thank you for coming in. Blood tests are **normal**; the headaches look like tension headaches.
                    - Drink more water and take short breaks from the screen.
                    - Ibuprofen when needed (see the prescription).
                    Write here how it goes over the next two weeks.""", "shared", List.of("headache", "follow-up"),
                    null);
            write(journal, aliceToken, "Re: After your visit", "Thank you! Fewer headaches since Monday.",
                    "shared", List.of("headache"), noteId);
            write(journal, aliceToken, "Sleep diary", "Slept 6 hours on average this week.", "private",
                    List.of("sleep"), null);
            write(journal, houseToken, "Working notes", "Consider an eye test if the headaches persist.",
                    "private", List.of(), null);
            changes.add("journal notes of Alice with Dr House");
        }
        String prescriptions = endpoints.notesService() + "/api/v1/patients/" + aliceId + "/prescriptions";
        JsonNode issued = api.get(prescriptions + "?limit=1", houseToken).expect("Alice's prescriptions", 200).body();
        if (issued.path("items").isEmpty()) {
            ObjectNode prescription = ApiClient.JSON.createObjectNode();
            prescription.set("items", ApiClient.JSON.valueToTree(List.of(Map.of("medication", "Ibuprofen",
                    "strength", "400 mg", "form", "tablet",
                    "dosageInstructions", "One tablet with food when needed, at most three a day", "quantity", 20,
                    "refills", 0))));
            prescription.put("validUntil", LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(30).toString());
            prescription.put("note", "Stop and call the clinic if you have stomach pain.");
            api.post(prescriptions, houseToken, Map.of(), prescription).expect("Dr House's prescription for Alice", 201);
            changes.add("prescription of Alice from Dr House");
        }
    }

    private String write(String journal, String token, String title, String body, String visibility,
                         List<String> tags, String inReplyTo) {
        ObjectNode note = ApiClient.JSON.createObjectNode().put("title", title).put("body", body)
                .put("visibility", visibility);
        note.set("tags", ApiClient.JSON.valueToTree(tags));
        if (inReplyTo != null) {
            note.put("inReplyTo", inReplyTo);
        }
        return api.post(journal, token, Map.of(), note).expect("journal note \"" + title + "\"", 201)
                .body().path("id").asText();
    }

    /** Until notes-service has seen the booking, Dr House is told Alice's journal does not exist (404). */
    private void awaitCareRelationship(String journal, String houseToken) {
        long deadline = System.nanoTime() + RELATIONSHIP_WAIT.toNanos();
        while (true) {
            ApiClient.Reply reply = api.get(journal + "?limit=1", houseToken);
            if (reply.status() != 404 || System.nanoTime() > deadline) {
                reply.expect("Dr House opens Alice's journal after her booking", 200);
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoStepFailed("Dr House opens Alice's journal", "interrupted");
            }
        }
    }
}
