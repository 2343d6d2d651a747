package io.consulta.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: what every service publishes and consumes on Kafka.
 * {@code data} is kept as a JSON tree so consumers read only the fields they need, with {@link #text(String)},
 * {@link #instant(String)} and {@link #userId()}: a field that is missing, blank or of another type is absent (null),
 * so an event from a newer or older producer never fails a consumer.
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

    /** A text field of {@code data}; null if there is no data, or the field is missing, blank or not text. */
    public String text(String field) {
        if (data == null) {
            return null;
        }
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** {@link #text(String)}, or the event's subject when the field is absent (the subject names the aggregate). */
    public String textOrSubject(String field) {
        String value = text(field);
        return value != null ? value : subject;
    }

    /** The user an identity event is about: {@code data.userId}, else the subject; null if neither. */
    public String userId() {
        return textOrSubject("userId");
    }

    /** An ISO-8601 instant field of {@code data}; null if absent or not a valid instant. */
    public Instant instant(String field) {
        String value = text(field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** When the event happened, or now if the producer did not say. */
    public Instant timeOrNow() {
        return time != null ? time : Instant.now();
    }
}
