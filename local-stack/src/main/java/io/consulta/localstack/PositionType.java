package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How documents' {@code _id}s are kept in H2, as the documents map's keys and as index entries' values: exactly H2's
 * {@link ObjectDataType} (same bytes, same order, so any store reads unchanged) with a short path for the ids the
 * services use, strings, and for the audit log's ObjectIds ({@link SerializedObjectIds}). The default type finds each
 * operand's type through a chain of checks at every comparison of every B-tree search and writes a string char by char;
 * together that was about a seventh of the server's CPU in a chat-like write load on a store with a million messages.
 */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    /** {@link ObjectDataType}'s tags for a string: its length in the tag up to 15, else the tag and then the length. */
    private static final int TAG_STRING_0_15 = 88;
    private static final byte TYPE_STRING = 11;
    private static final byte TYPE_SERIALIZED_OBJECT = 19;

    private PositionType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y); // what ObjectDataType does for two strings, without finding their types first
        }
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return x.compareTo(y); // what it does for two serialized objects of one Comparable class
        }
        return objects().compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof String string ? 24 + 2 * string.length() : objects().getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof ObjectId id) {
            byte[] serialized = SerializedObjectIds.IDS.serialize(id);
            buffer.put(TYPE_SERIALIZED_OBJECT).putVarInt(serialized.length).put(serialized);
            return;
        }
        if (!(value instanceof String string) || !isAscii(string)) {
            objects().write(buffer, value);
            return;
        }
        int length = string.length();
        if (length <= 15) {
            buffer.put((byte) (TAG_STRING_0_15 + length));
        } else {
            buffer.put(TYPE_STRING).putVarInt(length);
        }
        // H2 writes a char below 0x80 as that one byte
        buffer.put(string.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean isAscii(String string) {
        for (int i = 0; i < string.length(); i++) {
            if (string.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int tag = buffer.get(buffer.position());
        if (tag >= TAG_STRING_0_15 && tag < TAG_STRING_0_15 + 16) {
            buffer.get();
            return DataUtils.readString(buffer, tag - TAG_STRING_0_15);
        }
        if (tag == TYPE_STRING) {
            buffer.get();
            return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
        }
        if (tag == TYPE_SERIALIZED_OBJECT) {
            int start = buffer.position();
            buffer.get();
            byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(serialized);
            ObjectId id = SerializedObjectIds.IDS.deserialize(serialized);
            if (id != null) {
                return id;
            }
            buffer.position(start);
        }
        return objects().read(buffer);
    }

    /**
     * H2's type for anything else, new for each use: it remembers the last type it saw in a field, and one shared by
     * concurrent readers and writers of different maps mixes them up ("Can not compare" between two of one type).
     */
    private static ObjectDataType objects() {
        return new ObjectDataType();
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
