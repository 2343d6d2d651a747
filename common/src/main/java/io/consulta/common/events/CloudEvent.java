package io.consulta.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: what every service publishes and consumes on Kafka.
 * {@code data} is kept as a JSON tree so consumers read only the fields they need.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, Instant time, String subject,
                         String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public static CloudEvent create(String source, String type, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, Instant.now(), subject,
                "application/json", data);
    }

    public static CloudEvent parse(ObjectMapper json, String payload) {
        try {
            CloudEvent event = json.readValue(payload, CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("Not a CloudEvent JSON document", e);
        }
    }

    public <T> T dataAs(ObjectMapper json, Class<T> type) {
        try {
            return json.treeToValue(data, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("Event " + id + " has data that is not a " + type.getSimpleName(), e);
        }
    }
}
