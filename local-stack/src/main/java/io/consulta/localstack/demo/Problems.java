package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** One line out of an error answer: a service's problem+json, Keycloak's OAuth error, or plain text. */
final class Problems {

    private static final int LONGEST = 300;

    private Problems() {
    }

    static String describe(int status, JsonNode body) {
        StringBuilder line = new StringBuilder("HTTP ").append(status);
        if (body == null || body.isNull() || body.isMissingNode()) {
            return line.toString();
        }
        if (body.isTextual()) {
            return line.append(": ").append(shorten(body.asText().strip())).toString();
        }
        String title = body.path("title").asText(body.path("error").asText(""));
        String detail = body.path("detail").asText(body.path("error_description").asText(""));
        if (!title.isEmpty()) {
            line.append(' ').append(title);
        }
        if (!detail.isEmpty()) {
            line.append(": ").append(shorten(detail));
        }
        return line.toString();
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "…";
    }
}
