package io.consulta.notes.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the few fields a consumer needs from an event's data: blank or non-text counts as absent. */
final class EventFields {

    private EventFields() {
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
