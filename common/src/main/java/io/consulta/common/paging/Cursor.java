package io.consulta.common.paging;

import io.consulta.common.domain.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Where a page ended, opaque to clients: URL-safe base64 of its parts, each written as {@code <length>:<text>} so a
 * part may hold any character (names, ids) without a separator to escape.
 */
public final class Cursor {

    /** Longer than any cursor this codec issues for the keys services page by; longer input is refused unread. */
    static final int MAX_LENGTH = 1024;

    private Cursor() {
    }

    public static String encode(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part.length()).append(':').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor this codec issued; null when there is no cursor (first page). */
    public static List<String> decode(String raw, int parts) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw.trim()), StandardCharsets.UTF_8);
            List<String> found = new ArrayList<>(parts);
            int at = 0;
            while (at < text.length()) {
                int colon = text.indexOf(':', at);
                int length = Integer.parseInt(text.substring(at, colon));
                found.add(text.substring(colon + 1, colon + 1 + length));
                at = colon + 1 + length;
            }
            if (found.size() != parts) {
                throw invalid();
            }
            return List.copyOf(found);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Decodes and reads a cursor into a position; a part the reader cannot take (not a number, ...) is a 400 too. */
    public static <T> T decode(String raw, int parts, Function<List<String>, T> reader) {
        List<String> decoded = decode(raw, parts);
        if (decoded == null) {
            return null;
        }
        try {
            return reader.apply(decoded);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "not a cursor from a previous page");
    }
}
