package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The Java serialization of a value holding one {@link ObjectId} (the id itself, or an {@code _id} index key of it),
 * written and read without an object stream. Such a value serializes to the same bytes whatever the id but for the
 * id's twelve, so a value is a copy of a template with them put in. The audit log's ids are ObjectIds: an
 * {@code ObjectOutputStream} per id (a kilobyte of buffers and tables each) for its document, its index entries and
 * their positions was the costliest part of storing an entry, and an {@code ObjectInputStream} per id of every index
 * page read back.
 */
final class SerializedObjectIds {

    private static final int LENGTH = 12;

    static final SerializedObjectIds IDS = of(id -> id);
    static final SerializedObjectIds ID_KEYS = of(KeyValue::new);

    private final byte[] template;
    private final int offset;

    private SerializedObjectIds(byte[] template, int offset) {
        this.template = template;
        this.offset = offset;
    }

    /** Found by serializing two ids whose bytes all differ: where the two streams differ is where an id goes. */
    private static SerializedObjectIds of(Function<ObjectId, Object> value) {
        byte[] low = ObjectDataType.serialize(value.apply(new ObjectId(new byte[LENGTH])));
        byte[] high = new byte[LENGTH];
        Arrays.fill(high, (byte) 0xFF);
        byte[] other = ObjectDataType.serialize(value.apply(new ObjectId(high)));
        int offset = Arrays.mismatch(low, other);
        boolean idBytesOnly = low.length == other.length && offset >= 0 && offset + LENGTH <= low.length
                && Arrays.equals(low, offset + LENGTH, low.length, other, offset + LENGTH, other.length);
        if (!idBytesOnly) {
            throw new IllegalStateException("the Java serialization of an ObjectId is not a template with its bytes");
        }
        return new SerializedObjectIds(low, offset);
    }

    byte[] serialize(ObjectId id) {
        byte[] bytes = template.clone();
        System.arraycopy(id.toByteArray(), 0, bytes, offset, LENGTH);
        return bytes;
    }

    /** The id the bytes hold, or null when they are not this template's (another value, serialized otherwise). */
    ObjectId deserialize(byte[] bytes) {
        boolean fits = bytes.length == template.length && Arrays.equals(bytes, 0, offset, template, 0, offset)
                && Arrays.equals(bytes, offset + LENGTH, bytes.length, template, offset + LENGTH, template.length);
        return fits ? new ObjectId(Arrays.copyOfRange(bytes, offset, offset + LENGTH)) : null;
    }
}
