package io.consulta.common.paging;

import io.consulta.common.domain.InvalidInputException;

/**
 * The {@code ?limit=} of every list. Taken as text so that "limit=many" is a 400 naming the field, not the bare 404
 * JAX-RS gives an unconvertible parameter; the answer never echoes what was sent.
 */
public final class Limit {

    private Limit() {
    }

    public static int parse(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        String text = raw.trim();
        if (text.length() <= 10 && text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= max) {
                return (int) value;
            }
        }
        throw new InvalidInputException("limit", "must be a whole number between 1 and " + max);
    }
}
