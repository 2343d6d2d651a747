package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keycloak's token endpoint, auth-service's /me and appointment-service's availability, slots and appointments, faked
 * in memory with their versioning rules (ETag/If-Match, 412 on a stale version, idempotent booking), so the loader's
 * orchestration can be tested without a stack. The real services are exercised by e2e DemoDataJourneyIT.
 */
final class FakeServices implements AutoCloseable {

    final Map<String, ObjectNode> profiles = new HashMap<>();
    final Map<String, ObjectNode> availability = new HashMap<>();
    final List<ObjectNode> visits = new ArrayList<>();
    final AtomicInteger writes = new AtomicInteger();
    /** How many more profile PUTs answer 412 as if someone else had just saved. */
    final AtomicInteger staleProfileWrites = new AtomicInteger();
    /** When set, availability PUTs answer this problem+json with status 400. */
    volatile String availabilityProblem;

    private final HttpServer server;

    FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/api/v1/me", this::me);
        server.createContext("/api/v1/doctors/", this::doctor);
        server.createContext("/api/v1/appointments", this::appointments);
        server.start();
    }

    Endpoints endpoints() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new Endpoints(base + "/token", base, base);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = form.replaceAll(".*username=([^&]*).*", "$1").replace("%40", "@");
        respond(exchange, 200, null, ApiClient.JSON.createObjectNode().put("access_token", user));
    }

    private void me(HttpExchange exchange) throws IOException {
        String user = caller(exchange);
        ObjectNode profile = profiles.computeIfAbsent(user, id -> ApiClient.JSON.createObjectNode()
                .put("id", "id-" + id).put("role", id.startsWith("dr.") ? "doctor" : "patient")
                .put("status", "ACTIVE").put("name", id).put("version", 0));
        if (exchange.getRequestMethod().equals("PUT")) {
            String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
            if (staleProfileWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                profile.put("version", profile.path("version").asLong() + 1);
            }
            if (!("\"" + profile.path("version").asLong() + "\"").equals(ifMatch)) {
                respond(exchange, 412, null, problem(412, "Precondition failed", "stale"));
                return;
            }
            profile.setAll((ObjectNode) body(exchange));
            profile.put("version", profile.path("version").asLong() + 1);
            writes.incrementAndGet();
        }
        respond(exchange, 200, "\"" + profile.path("version").asLong() + "\"", profile);
    }

    private void doctor(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String doctorId = path[4];
        if (path[5].equals("slots")) {
            ArrayNode slots = ApiClient.JSON.createArrayNode();
            slots.addObject().put("start", "2030-01-07T09:00:00Z").put("localStart", "2030-01-07T09:00Z");
            respond(exchange, 200, null, ApiClient.JSON.createObjectNode().set("slots", slots));
            return;
        }
        ObjectNode stored = availability.get(doctorId);
        if (exchange.getRequestMethod().equals("PUT")) {
            if (availabilityProblem != null) {
                respond(exchange, 400, null, problem(400, "Invalid input", availabilityProblem));
                return;
            }
            long version = stored == null ? 0 : stored.path("version").asLong();
            if (!("\"" + version + "\"").equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                respond(exchange, 412, null, problem(412, "Precondition failed", "stale"));
                return;
            }
            stored = ((ObjectNode) body(exchange)).put("doctorId", doctorId).put("version", version + 1);
            availability.put(doctorId, stored);
            writes.incrementAndGet();
        }
        if (stored == null) {
            respond(exchange, 404, null, problem(404, "Not found", "Availability of doctor " + doctorId));
            return;
        }
        respond(exchange, 200, null, stored);
    }

    private void appointments(HttpExchange exchange) throws IOException {
        String patient = "id-" + caller(exchange);
        if (exchange.getRequestMethod().equals("POST")) {
            ObjectNode visit = ((ObjectNode) body(exchange)).put("patientId", patient).put("status", "booked")
                    .put("end", "2030-01-07T09:25:00Z").put("id", "visit-" + visits.size());
            visits.add(visit);
            writes.incrementAndGet();
            respond(exchange, 201, null, visit);
            return;
        }
        ArrayNode items = ApiClient.JSON.createArrayNode();
        visits.stream().filter(visit -> visit.path("patientId").asText().equals(patient)).forEach(items::add);
        respond(exchange, 200, null, ApiClient.JSON.createObjectNode().set("items", items));
    }

    private static String caller(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        return ApiClient.JSON.readTree(exchange.getRequestBody());
    }

    private static ObjectNode problem(int status, String title, String detail) {
        return ApiClient.JSON.createObjectNode().put("title", title).put("status", status).put("detail", detail);
    }

    private static void respond(HttpExchange exchange, int status, String etag, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
