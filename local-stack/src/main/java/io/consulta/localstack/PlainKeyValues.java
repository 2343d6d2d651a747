package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An index's key for a document whose indexed fields are top-level plain values — every index the services declare
 * but the outbox's — without mongo-java-server's general path, which splits each field name with a regular
 * expression and builds maps and streams for every index at every write (an eighth of the server's allocation under
 * chat load). The result equals the general one; anything else (dotted fields, arrays, subdocuments) answers null so
 * that the caller takes the general path.
 */
final class PlainKeyValues {

    private final String[] fields;
    private final boolean applicable;

    PlainKeyValues(List<IndexKey> keys) {
        this.fields = keys.stream().map(IndexKey::getKey).toArray(String[]::new);
        this.applicable = keys.stream().noneMatch(key -> key.getKey().contains("."));
    }

    Set<KeyValue> of(Document document) {
        if (!applicable) {
            return null;
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object value = document.get(fields[i]);
            if (value instanceof Map || value instanceof Collection) {
                return null;
            }
            values[i] = normalized(value);
        }
        return Set.of(new KeyValue(values));
    }

    /** As mongo-java-server normalizes an index value: no value is null, every number a double, -0.0 is 0.0. */
    private static Object normalized(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return null;
        }
        if (value instanceof Number number) {
            double plain = number.doubleValue();
            return plain == 0.0 ? 0.0 : plain;
        }
        return value;
    }
}
