package io.consulta.chat.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.chat.domain.FrameRejected;
import io.consulta.chat.domain.MessageDraft;

import java.util.ArrayList;
import java.util.List;

/** Reads typed fields of a client frame; a missing or mistyped field is an {@code invalid} error frame. */
final class FrameFields {

    private FrameFields() {
    }

    static String id(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw FrameRejected.invalid(field + ": must be a string");
        }
        String text = value == null || value.isNull() ? null : value.asText();
        MessageDraft.requireId(field, text);
        return text;
    }

    static String optionalText(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw FrameRejected.invalid(field + ": must be a string");
        }
        return value.asText();
    }

    static long seq(JsonNode frame, String field, long min) {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            throw FrameRejected.invalid(field + ": required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
            throw FrameRejected.invalid(field + ": must be a whole number of at least " + min);
        }
        return value.asLong();
    }

    static List<String> ids(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw FrameRejected.invalid(field + ": must be an array of ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw FrameRejected.invalid(field + ": must be an array of ids");
            }
            ids.add(element.asText());
            if (ids.size() > 100) {
                break;
            }
        }
        return ids;
    }
}
