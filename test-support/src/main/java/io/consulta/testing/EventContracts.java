package io.consulta.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts ({@code events/<type>.schema.json} in common, JSON Schema 2020-12) for tests: producers assert
 * that what they emit validates; consumers are fed the schemas' own examples. A producer change that breaks the
 * schema, or a schema change that breaks a consumer, fails the build. Formats (date-time, date) are asserted.
 */
public final class EventContracts {

    private static final String LOCATION = "events/%s.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

    private record Contract(Schema schema, JsonNode document) {
    }

    private EventContracts() {
    }

    /** Fails with every violation when {@code data} is not what the schema of {@code type} allows. */
    public static void assertValid(String type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new AssertionError("Event data of " + type + " breaks its contract " + LOCATION.formatted(type)
                    + ": " + violations + "\n  data: " + data);
        }
    }

    /** The same for a whole CloudEvent as read from Kafka: its {@code type} picks the schema for its {@code data}. */
    public static void assertValidEvent(JsonNode cloudEvent) {
        assertValid(cloudEvent.path("type").asText(), cloudEvent.path("data"));
    }

    /**
     * What a producer's test checks of an event it caused: the event of {@code type} about {@code subject} reaches
     * {@code topic} within {@code timeout} and keeps its contract. Returns it for the test's own checks.
     */
    public static JsonNode awaitValidEvent(String topic, String type, String subject, Duration timeout) {
        JsonNode event = EventBus.await(topic, e -> type.equals(e.path("type").asText())
                && subject.equals(e.path("subject").asText()), timeout);
        assertValidEvent(event);
        return event;
    }

    /** The schema's violations of {@code data}; empty when it is valid. */
    public static List<String> violations(String type, JsonNode data) {
        try {
            List<Error> errors = contract(type).schema().validate(JSON.writeValueAsString(data), InputFormat.JSON,
                    (context, schemaContext) -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
            return errors.stream().map(Error::toString).toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete {@code data} objects the schema of {@code type} gives as examples (at least one). */
    public static List<JsonNode> examples(String type) {
        List<JsonNode> examples = new ArrayList<>();
        contract(type).document().path("examples").forEach(example -> examples.add(example.deepCopy()));
        if (examples.isEmpty()) {
            throw new AssertionError(LOCATION.formatted(type) + " has no examples");
        }
        return examples;
    }

    /**
     * The first example of {@code type} with some fields replaced (ids unique to a test, times it needs), as the map
     * {@link EventBus#publish} takes; still checked against the schema, so a test cannot feed what no producer sends.
     */
    public static Map<String, Object> example(String type, Map<String, ?> replacements) {
        ObjectNode data = (ObjectNode) examples(type).getFirst();
        replacements.forEach((field, value) -> data.set(field, JSON.valueToTree(value)));
        assertValid(type, data);
        return JSON.convertValue(data, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static Contract contract(String type) {
        return CONTRACTS.computeIfAbsent(type, EventContracts::load);
    }

    private static Contract load(String type) {
        String location = LOCATION.formatted(type);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new AssertionError("No contract for event type " + type + ": " + location
                        + " is missing (common/src/main/resources/events)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Contract(REGISTRY.getSchema(text, InputFormat.JSON), JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(location, e);
        }
    }
}
