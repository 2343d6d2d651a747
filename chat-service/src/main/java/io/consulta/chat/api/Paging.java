package io.consulta.chat.api;

import io.consulta.chat.store.ListCursor;
import io.consulta.common.problem.ApiException;

/** {@code ?limit=&cursor=} as every list of this service takes them. */
final class Paging {

    private Paging() {
    }

    /** Query parameters are taken as text so that "limit=many" is a 400 with a reason, not JAX-RS's bare 404. */
    static int limit(String limit, int defaultLimit, int max) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField("limit", "must be a whole number between 1 and " + max);
    }

    static ListCursor cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return ListCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "not a cursor from a previous page");
        }
    }
}
