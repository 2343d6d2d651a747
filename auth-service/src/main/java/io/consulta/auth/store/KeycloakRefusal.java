package io.consulta.auth.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sign-up field Keycloak refused in a 400 to a user creation, so the caller is told about the right one. Its
 * user profile names the attribute ({@code {"field":"firstName","errorMessage":"error-…"}}, possibly several under
 * {@code errors}); its password policy does not ({@code {"error":"invalidPassword…"}}).
 */
final class KeycloakRefusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refused sign-up field ({@code name}, {@code email} or {@code password}) and why, in the caller's words. */
    record Refused(String field, String reason) {
    }

    private KeycloakRefusal() {
    }

    static Refused of(String body) {
        List<JsonNode> errors = errors(body);
        for (JsonNode error : errors) {
            String field = error.path("field").asText("");
            if (field.equals("firstName") || field.equals("lastName")) {
                return new Refused("name", "was refused by the identity provider (" + code(error) + ")");
            }
            if (field.equals("email") || field.equals("username")) {
                return new Refused("email", "was refused by the identity provider (" + code(error) + ")");
            }
        }
        for (JsonNode error : errors) {
            if (code(error).startsWith("invalidPassword")) {
                return new Refused("password", "was refused by the identity provider's password policy");
            }
        }
        return new Refused(null, "The identity provider refused the sign-up (" + (errors.isEmpty() ? "no reason given"
                : code(errors.getFirst())) + ")");
    }

    private static List<JsonNode> errors(String body) {
        List<JsonNode> errors = new ArrayList<>();
        try {
            JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (root != null && root.isObject()) {
                errors.add(root);
                root.path("errors").forEach(errors::add);
            }
        } catch (IOException notJson) {
            // an unreadable refusal names no field
        }
        return errors;
    }

    /** Keycloak's message key, cut short: it is echoed to the caller. */
    private static String code(JsonNode error) {
        String code = error.path("errorMessage").asText(error.path("error").asText("unknown"));
        return code.length() > 80 ? code.substring(0, 80) : code;
    }
}
