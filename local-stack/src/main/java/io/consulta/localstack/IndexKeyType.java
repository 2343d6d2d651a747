package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How a unique index's keys are kept in H2: exactly as H2's default {@link ObjectDataType} writes and orders them
 * (a key is a serialized {@code KeyValue}, ordered by its bytes), so stores written before read unchanged — but each
 * key keeps its bytes. The default type serializes both keys again for every comparison of a lookup, about forty
 * Java serializations per index per insert, which was most of the server's CPU per chat message.
 */
final class IndexKeyType extends BasicDataType<IndexKeyType.Key> {

    /** {@code ObjectDataType}'s tag for a Java-serialized object. */
    private static final byte SERIALIZED_OBJECT = 19;

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** A key in its serialized form; the object is decoded only when asked for (regular-expression scans). */
    record Key(byte[] bytes) {

        static Key of(Object keyValue) {
            if (keyValue instanceof KeyValue values && values.size() == 1 && values.get(0) instanceof ObjectId id) {
                return new Key(SerializedObjectIds.ID_KEYS.serialize(id)); // an _id index's key, in the audit log
            }
            return new Key(ObjectDataType.serialize(keyValue));
        }

        Object value() {
            return ObjectDataType.deserialize(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }

    private IndexKeyType() {
    }

    @Override
    public int compare(Key a, Key b) {
        // H2's order (unsigned bytes, then length) with the JDK's vectorized mismatch: serialized keys share a long
        // class-descriptor prefix, which H2's byte-by-byte loop walked at every step of every search
        return Arrays.compareUnsigned(a.bytes(), b.bytes());
    }

    @Override
    public int getMemory(Key key) {
        return 32 + key.bytes().length;
    }

    @Override
    public void write(WriteBuffer buffer, Key key) {
        buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes().length).put(key.bytes());
    }

    @Override
    public Key read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != SERIALIZED_OBJECT) {
            throw new IllegalStateException("unexpected index key type " + tag + " in the H2 store");
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new Key(bytes);
    }

    @Override
    public Key[] createStorage(int size) {
        return new Key[size];
    }
}
