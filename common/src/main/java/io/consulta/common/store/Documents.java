package io.consulta.common.store;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** The conversions every store needs when it reads a document back. */
public final class Documents {

    private Documents() {
    }

    /** A date field as an instant; null when absent. */
    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** A numeric field as a long, whatever number type was stored; 0 when absent. */
    public static long longValue(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
