package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Comparing what the demo wants with what a service holds, so that a second load writes nothing, and building the
 * full replacement a PUT needs without dropping what a user set themselves (a photo, a day off).
 */
final class JsonFields {

    private JsonFields() {
    }

    /** Whether every field of {@code wanted} has the same value in {@code current} (absent and null are the same). */
    static boolean holds(JsonNode current, ObjectNode wanted) {
        for (Map.Entry<String, JsonNode> field : wanted.properties()) {
            if (!same(current == null ? null : current.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The {@code editable} fields of {@code current}, with {@code wanted} laid over them. */
    static ObjectNode overlay(JsonNode current, List<String> editable, ObjectNode wanted) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        for (String field : editable) {
            JsonNode value = current == null ? null : current.get(field);
            if (value != null && !value.isNull()) {
                body.set(field, value);
            }
        }
        body.setAll(wanted);
        return body;
    }

    /** Equal JSON values, with numbers compared by value (a fee stored as 120.00 is the 120 the demo sent). */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull() || a.isMissingNode();
        boolean bEmpty = b == null || b.isNull() || b.isMissingNode();
        if (aEmpty || bEmpty) {
            return aEmpty && bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!same(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
