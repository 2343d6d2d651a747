package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An index's entries kept so that a query with equality on the index's leading fields finds its documents without a
 * collection scan: one key per document (per array element for a multikey field) made of the document's values for
 * the index fields and then its position, each value length-prefixed, so every entry sharing the leading values is one
 * contiguous run of the map. Only equality is looked up; the rest of a query (ranges, other fields, sort, limit) is
 * applied to the documents found, as mongo-java-server does for every index.
 */
final class PrefixKeys {

    private static final Document EXISTS = new Document("$exists", true);

    private final MVMap<IndexKeyType.Key, Object> map;
    private final Index<Object> index;
    private final List<String> fields;
    private final boolean sparse;

    /**
     * {@code sparse}: documents without a value for any of the fields have no entry, and a query for documents that
     * have the first field ({@code $exists: true}) reads every entry.
     */
    PrefixKeys(MVMap<IndexKeyType.Key, Object> map, Index<Object> index, List<IndexKey> keys, boolean sparse) {
        this.map = map;
        this.index = index;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.sparse = sparse;
    }

    /** Whether the query fixes the first index field (and maybe more) to a single plain value. */
    boolean canHandle(Document query) {
        return leadingValues(query) > 0 || existsQuery(query);
    }

    /** Whether the document has an entry: not in a sparse index when it has none of the fields. */
    boolean covers(Document document) {
        return !sparse || index.getKeyValues(document).stream()
                .anyMatch(values -> values.stream().anyMatch(value -> value != null));
    }

    private boolean existsQuery(Document query) {
        return sparse && fields.size() == 1 && EXISTS.equals(query.get(fields.getFirst()));
    }

    Iterable<Object> positions(Document query) {
        if (leadingValues(query) == 0) {
            Set<Object> all = new LinkedHashSet<>();
            map.values().forEach(all::add);
            return all;
        }
        int leading = leadingValues(query);
        Document probe = new Document();
        for (int i = 0; i < leading; i++) {
            probe.put(fields.get(i), query.get(fields.get(i)));
        }
        // the values as the index normalizes them (e.g. every number as a double)
        KeyValue normalized = index.getKeyValues(probe).iterator().next();
        byte[] prefix = encode(normalized, leading, null);
        Set<Object> positions = new LinkedHashSet<>();
        Cursor<IndexKeyType.Key, Object> cursor = map.cursor(new IndexKeyType.Key(prefix));
        while (cursor.hasNext()) {
            IndexKeyType.Key key = cursor.next();
            if (!startsWith(key.bytes(), prefix)) {
                break;
            }
            positions.add(cursor.getValue());
        }
        return positions;
    }

    void add(Document document, Object position) {
        if (!covers(document)) {
            return;
        }
        for (KeyValue values : index.getKeyValues(document)) {
            map.put(new IndexKeyType.Key(encode(values, values.size(), position)), position);
        }
    }

    void remove(Document document, Object position) {
        if (!covers(document)) {
            return;
        }
        for (KeyValue values : index.getKeyValues(document)) {
            map.remove(new IndexKeyType.Key(encode(values, values.size(), position)));
        }
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    long size() {
        return map.sizeAsLong();
    }

    /** How many leading index fields the query sets to one plain value (not an operator, array, null or pattern). */
    private int leadingValues(Document query) {
        int leading = 0;
        for (String field : fields) {
            Object value = query.get(field);
            if (field.contains(".") || value == null || value instanceof Document || value instanceof Collection
                    || value instanceof Pattern || value instanceof BsonRegularExpression
                    || de.bwaldvogel.mongo.backend.Missing.isNullOrMissing(value)) {
                break;
            }
            leading++;
        }
        return leading;
    }

    /** The first {@code count} values, each length-prefixed, then the position's, when given. */
    private static byte[] encode(KeyValue values, int count, Object position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int i = 0; i < count; i++) {
            append(out, values.get(i));
        }
        if (position != null) {
            append(out, position);
        }
        return out.toByteArray();
    }

    private static void append(ByteArrayOutputStream out, Object value) {
        byte[] bytes = value == null ? new byte[0] : ObjectDataType.serialize(value);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

}
