package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An index's entries kept so that a query with equality on the index's leading fields — and optionally a range on the
 * next one — finds its documents without a collection scan. One key per document (per array element for a multikey
 * field): the document's values for the index fields, then its position. Numbers and dates are written so that their
 * bytes sort as the values do; other values are written whole (equality only). The rest of a query (other fields,
 * sort, limit) is applied to the documents found, as mongo-java-server does for every index; the index only has to
 * find every document that can match.
 */
final class PrefixKeys {

    private static final Document EXISTS = new Document("$exists", true);
    private static final byte NULL = 0x01, NUMBER = 0x10, DATE = 0x30, OTHER = 0x7F;
    /** Tag and eight bytes: the length of a number or a date. */
    private static final int ORDERED_LENGTH = 9;
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    /** Sorts before every entry: marks entries that were built once, which an empty map cannot tell. */
    private static final IndexKeyType.Key BUILT = new IndexKeyType.Key(new byte[0]);

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

    /** Whether the index can find every document the query can match without reading them all. */
    boolean canHandle(Document query) {
        return leadingValues(query) > 0 || range(query, 0) != null || existsQuery(query);
    }

    /**
     * How well, without statistics: by the number of fields it narrows by (equality or a range), then by how few of its
     * fields are left unused — {@code {nextReminderAt: {$lte: t}, kind: "visit"}} prefers an index on nextReminderAt
     * to one on (kind, holdExpiresAt), whose kind holds few distinct values.
     */
    int selectivity(Document query) {
        int leading = leadingValues(query);
        int used = leading + (leading < fields.size() && range(query, leading) != null ? 1 : 0);
        return 4 * used - (fields.size() - used);
    }

    /** Whether the document has an entry: not in a sparse index when it has none of the fields. */
    boolean covers(Document document) {
        return !entered(document).isEmpty();
    }

    /** The keys the document has entries under: none in a sparse index when it has none of the fields. */
    private Set<KeyValue> entered(Document document) {
        Set<KeyValue> keys = index.getKeyValues(document);
        boolean covered = !sparse || keys.stream().anyMatch(values -> values.stream().anyMatch(value -> value != null));
        return covered ? keys : Set.of();
    }

    private boolean existsQuery(Document query) {
        return sparse && fields.size() == 1 && EXISTS.equals(query.get(fields.getFirst()));
    }

    Iterable<Object> positions(Document query) {
        int leading = leadingValues(query);
        Range range = leading < fields.size() ? range(query, leading) : null;
        if (leading == 0 && range == null) { // $exists on a sparse index: every entry
            Set<Object> all = new LinkedHashSet<>();
            Cursor<IndexKeyType.Key, Object> cursor = map.cursor(null);
            while (cursor.hasNext()) {
                if (cursor.next().bytes().length > 0) {
                    all.add(cursor.getValue());
                }
            }
            return all;
        }
        byte[] prefix = prefixOf(query, leading);
        Set<Object> positions = new LinkedHashSet<>();
        if (range != null) {
            inRange(prefix, range, false).forEach(positions::add);
            return positions;
        }
        Cursor<IndexKeyType.Key, Object> cursor = map.cursor(new IndexKeyType.Key(prefix));
        while (cursor.hasNext() && startsWith(cursor.next().bytes(), prefix, prefix.length)) {
            positions.add(cursor.getValue());
        }
        return positions;
    }

    /**
     * The positions of the documents the query can match, in the order of the field after the leading equality fields
     * (ascending or descending), read from the index as they are asked for — so a limit stops the read — or null when
     * the index cannot give that order: the query must set the leading fields and bound {@code sortField}, the next
     * index field, with a number or date range (its entries then sort as MongoDB sorts those values; other types are
     * written whole and would not). A document with several entries in the range (an array field) comes once.
     */
    Iterable<Object> positionsInOrder(Document query, String sortField, boolean descending) {
        int leading = leadingValues(query);
        if (leading == 0 || leading >= fields.size() || !fields.get(leading).equals(sortField)) {
            return null;
        }
        Range range = range(query, leading);
        if (range == null) {
            return null;
        }
        return inRange(prefixOf(query, leading), range, descending);
    }

    /**
     * The positions of the entries that continue {@code prefix} with a value in the range, in key order either way,
     * read as they are asked for, each once (a document with several values in the range has an entry for each).
     */
    private Iterable<Object> inRange(byte[] prefix, Range range, boolean descending) {
        IndexKeyType.Key lowest = new IndexKeyType.Key(concat(prefix, range.lowest()));
        IndexKeyType.Key highest = new IndexKeyType.Key(concat(prefix, range.highest()));
        return () -> {
            Cursor<IndexKeyType.Key, Object> cursor = descending ? map.cursor(highest, lowest, true)
                    : map.cursor(lowest, highest, false);
            return new OncePerPosition(cursor);
        };
    }

    /** A cursor's values, each the first time it comes. */
    private static final class OncePerPosition implements Iterator<Object> {

        private final Cursor<IndexKeyType.Key, Object> cursor;
        private final Set<Object> seen = new HashSet<>();
        private Object next;

        OncePerPosition(Cursor<IndexKeyType.Key, Object> cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            while (next == null && cursor.hasNext()) {
                cursor.next();
                if (seen.add(cursor.getValue())) {
                    next = cursor.getValue();
                }
            }
            return next != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object position = next;
            next = null;
            return position;
        }
    }

    /** The key bytes of the query's values for the first {@code leading} index fields. */
    private byte[] prefixOf(Document query, int leading) {
        ByteArrayOutputStream prefixBytes = new ByteArrayOutputStream(64);
        if (leading > 0) {
            Document probe = new Document();
            for (int i = 0; i < leading; i++) {
                probe.put(fields.get(i), query.get(fields.get(i)));
            }
            // the values as the index normalizes them (e.g. every number as a double)
            KeyValue normalized = index.getKeyValues(probe).iterator().next();
            for (int i = 0; i < leading; i++) {
                write(prefixBytes, normalized.get(i));
            }
        }
        return prefixBytes.toByteArray();
    }

    void add(Document document, Object position) {
        for (KeyValue values : entered(document)) {
            map.put(key(values, position), position);
        }
    }

    void remove(Document document, Object position) {
        for (KeyValue values : entered(document)) {
            map.remove(key(values, position));
        }
    }

    /**
     * Only the entries that differ: an outbox entry pushed onto a document with many pending ones adds one entry,
     * instead of removing and writing again every entry of the array.
     */
    void update(Document before, Document after, Object position) {
        Set<KeyValue> old = entered(before);
        Set<KeyValue> now = entered(after);
        for (KeyValue values : old) {
            if (!now.contains(values)) {
                map.remove(key(values, position));
            }
        }
        for (KeyValue values : now) {
            if (!old.contains(values)) {
                map.put(key(values, position), position);
            }
        }
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    long size() {
        return map.sizeAsLong() - (built() ? 1 : 0);
    }

    /** Whether every document was entered once (a sparse index may have no entries and still be complete). */
    boolean built() {
        return map.containsKey(BUILT);
    }

    void markBuilt() {
        map.put(BUILT, Boolean.TRUE);
    }

    /** How many leading index fields the query sets to one plain value (not an operator, array, null or pattern). */
    private int leadingValues(Document query) {
        int leading = 0;
        for (String field : fields) {
            Object value = query.get(field);
            if (field.contains(".") || value == null || value instanceof Document || value instanceof Collection
                    || value instanceof Pattern || value instanceof BsonRegularExpression || Missing.isNullOrMissing(value)) {
                break;
            }
            leading++;
        }
        return leading;
    }

    /** Bounds of a number or date range ($gt/$gte/$lt/$lte only) on field {@code at}, or null. */
    private Range range(Document query, int at) {
        String field = fields.get(at);
        if (field.contains(".") || !(query.get(field) instanceof Document condition) || condition.isEmpty()
                || !RANGE_OPERATORS.containsAll(condition.keySet())) {
            return null;
        }
        byte tag = 0;
        byte[] lower = null;
        byte[] upper = null;
        for (String operator : condition.keySet()) {
            byte[] bound = orderedBytes(condition.get(operator));
            if (bound == null || tag != 0 && bound[0] != tag) {
                return null; // not a number or date, or bounds of two types
            }
            tag = bound[0];
            if (operator.startsWith("$g")) {
                lower = lower == null || Arrays.compareUnsigned(bound, lower) > 0 ? bound : lower;
            } else {
                upper = upper == null || Arrays.compareUnsigned(bound, upper) < 0 ? bound : upper;
            }
        }
        return new Range(tag, lower, upper);
    }

    private record Range(byte tag, byte[] lower, byte[] upper) {

        /** What every key in the range continues its prefix with at least. */
        byte[] lowest() {
            return lower != null ? lower : new byte[] {tag};
        }

        /** What every key in the range continues its prefix with at most (positions never start with 0xFF). */
        byte[] highest() {
            return upper != null ? concat(upper, new byte[] {(byte) 0xFF}) : new byte[] {(byte) (tag + 1)};
        }
    }

    private static IndexKeyType.Key key(KeyValue values, Object position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (Object value : values) {
            write(out, value);
        }
        write(out, position);
        return new IndexKeyType.Key(out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value == null || Missing.isNullOrMissing(value)) {
            out.write(NULL);
            return;
        }
        byte[] ordered = orderedBytes(value);
        if (ordered != null) {
            out.writeBytes(ordered);
            return;
        }
        byte[] bytes = JavaSerialized.of(value);
        out.write(OTHER);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    /** Tag and eight bytes that sort as the value does, for numbers (as doubles) and dates; null for anything else. */
    private static byte[] orderedBytes(Object value) {
        if (value instanceof Double || value instanceof Integer || value instanceof Float) {
            long bits = Double.doubleToLongBits(((Number) value).doubleValue() == -0.0 ? 0.0 : ((Number) value).doubleValue());
            return tagged(NUMBER, bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
        }
        if (value instanceof Long number && (long) number.doubleValue() == number) {
            return orderedBytes(number.doubleValue());
        }
        if (value instanceof Date date) {
            return tagged(DATE, date.getTime() ^ Long.MIN_VALUE);
        }
        if (value instanceof Instant instant) {
            return tagged(DATE, instant.toEpochMilli() ^ Long.MIN_VALUE);
        }
        return null;
    }

    private static byte[] tagged(byte tag, long value) {
        byte[] bytes = new byte[ORDERED_LENGTH];
        bytes[0] = tag;
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (value >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int length) {
        return bytes.length >= length && Arrays.equals(bytes, 0, length, prefix, 0, length);
    }
}
