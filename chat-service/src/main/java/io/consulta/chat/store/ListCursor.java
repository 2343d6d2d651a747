package io.consulta.chat.store;

import io.consulta.common.paging.Cursor;

import java.time.Instant;

/** Position in a list sorted newest first by a time and then by id, written with common's opaque {@link Cursor}. */
public record ListCursor(Instant at, String id) {

    public String encode() {
        return Cursor.encode(Long.toString(at.toEpochMilli()), id);
    }

    /** Null for no cursor (the first page); a 400 on {@code cursor} for one this service did not issue. */
    public static ListCursor decode(String cursor) {
        return Cursor.decode(cursor, 2,
                parts -> new ListCursor(Instant.ofEpochMilli(Long.parseLong(parts.get(0))), parts.get(1)));
    }
}
