package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal part of the demo clinic against a notes-service faked in memory (the real one: e2e DemoDataJourneyIT). */
class DemoJournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<JsonNode> notes = new ArrayList<>();
    private final List<JsonNode> prescriptions = new ArrayList<>();
    /** How many more journal reads answer 404, as before notes-service has seen the booking. */
    private final AtomicInteger notYetRelated = new AtomicInteger();
    private volatile String prescriptionProblem;

    @BeforeEach
    void fakeNotesService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/patients/alice/notes", this::journal);
        server.createContext("/api/v1/patients/alice/prescriptions", this::prescriptions);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DemoJournal journal(List<String> changes) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new DemoJournal(new Endpoints(base + "/token", base, base, base), new ApiClient(), CLOCK, changes);
    }

    @Test
    void waitsForTheCareRelationshipThenWritesNotesAndAPrescriptionOnceOnly() {
        notYetRelated.set(2);
        List<String> changes = new ArrayList<>();
        journal(changes).load("alice", "alice-token", "house", "house-token");

        assertThat(notes).extracting(n -> n.path("title").asText())
                .containsExactly("After your visit", "Re: After your visit", "Sleep diary", "Working notes");
        assertThat(notes.get(1).path("inReplyTo").asText()).isEqualTo("note-1");
        assertThat(notes).extracting(n -> n.path("by").asText())
                .containsExactly("house-token", "alice-token", "alice-token", "house-token");
        assertThat(notes).extracting(n -> n.path("visibility").asText())
                .containsExactly("shared", "shared", "private", "private");
        assertThat(prescriptions).singleElement().satisfies(p -> {
            assertThat(p.path("items").get(0).path("medication").asText()).isEqualTo("Ibuprofen");
            assertThat(p.path("validUntil").asText()).isEqualTo("2026-12-30");
        });
        assertThat(changes).containsExactly("journal notes of Alice with Dr House", "prescription of Alice from Dr House");

        List<String> again = new ArrayList<>();
        journal(again).load("alice", "alice-token", "house", "house-token");
        assertThat(again).isEmpty();
        assertThat(notes).hasSize(4);
        assertThat(prescriptions).hasSize(1);
    }

    @Test
    void aRefusedPrescriptionNamesTheStep() {
        prescriptionProblem = "validUntil: must not be in the past";
        assertThatThrownBy(() -> journal(new ArrayList<>()).load("alice", "alice-token", "house", "house-token"))
                .isInstanceOf(DemoStepFailed.class).hasMessageContaining("Dr House's prescription for Alice")
                .hasMessageContaining("must not be in the past");
    }

    private void journal(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        if ("POST".equals(exchange.getRequestMethod())) {
            ObjectNode note = (ObjectNode) ApiClient.JSON.readTree(exchange.getRequestBody());
            note.put("by", token).put("id", "note-" + (notes.size() + 1));
            notes.add(note);
            respond(exchange, 201, note);
            return;
        }
        if (notYetRelated.getAndDecrement() > 0) {
            respond(exchange, 404, problem(404, "Journal alice does not exist"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        ArrayNode items = ApiClient.JSON.createArrayNode();
        notes.stream().filter(n -> query == null || !query.contains("author=house") || n.path("by").asText()
                .equals("house-token")).forEach(items::add);
        respond(exchange, 200, ApiClient.JSON.createObjectNode().set("items", items));
    }

    private void prescriptions(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            if (prescriptionProblem != null) {
                respond(exchange, 400, problem(400, prescriptionProblem));
                return;
            }
            JsonNode prescription = ApiClient.JSON.readTree(exchange.getRequestBody());
            prescriptions.add(prescription);
            respond(exchange, 201, prescription);
            return;
        }
        ArrayNode items = ApiClient.JSON.createArrayNode();
        prescriptions.forEach(items::add);
        respond(exchange, 200, ApiClient.JSON.createObjectNode().set("items", items));
    }

    private static JsonNode problem(int status, String detail) {
        return ApiClient.JSON.createObjectNode().put("status", status).put("title", "Problem").put("detail", detail);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
