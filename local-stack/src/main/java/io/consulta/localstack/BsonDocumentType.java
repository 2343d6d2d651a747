package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * How a collection's documents are kept in H2: as BSON, behind a tag byte H2's {@link ObjectDataType} never writes,
 * and read back as their bytes ({@link StoredDocument}), decoded when a document is asked for.
 * mongo-java-server's H2 backend stores each document Java-serialized; encoding and decoding that was a large share
 * of the server's CPU for every write and every read of a page not in the cache, and the bytes are two to three
 * times BSON's.
 * <p>
 * Values written before (any {@link ObjectDataType} tag) still read, so an existing store opens as it is and its
 * documents turn into BSON as they are written again; {@link H2Store} rewrites a collection once when it is first
 * opened. A document the BSON encoder cannot take (a field name with a NUL byte, a type BSON has no form for) is
 * kept the old way rather than refused.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** Not one of {@link ObjectDataType}'s tags (0–14, 19, 32–49, 64–119). */
    static final byte BSON = 127;

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return javaSerialized().compare(a, b);
    }

    /** An estimate for H2's cache accounting: about what the decoded document occupies on the heap. */
    @Override
    public int getMemory(Object value) {
        return 24 + estimate(value);
    }

    private static int estimate(Object value) {
        return switch (value) {
            case null -> 4;
            case StoredDocument stored -> 32 + stored.bson().length;
            case String string -> 48 + string.length();
            case Map<?, ?> map -> {
                int size = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
                }
                yield size;
            }
            case Collection<?> list -> {
                int size = 40;
                for (Object element : list) {
                    size += 8 + estimate(element);
                }
                yield size;
            }
            default -> 32;
        };
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] bson = switch (value) {
            case StoredDocument stored -> stored.bson();
            case Document document -> encode(document);
            case null, default -> null;
        };
        if (bson == null) {
            javaSerialized().write(buffer, value);
        } else {
            buffer.put(BSON).put(bson);
        }
    }

    /** The document as BSON, or null when BSON has no form for it. */
    static byte[] encode(Document document) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } catch (RuntimeException unsupported) {
            return null;
        } finally {
            buf.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return javaSerialized().read(buffer);
        }
        buffer.get();
        // a BSON document begins with its own length, little-endian, that length included
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] bson = new byte[length];
        buffer.get(bson);
        return new StoredDocument(bson);
    }

    /** New for each use: H2's type keeps the last type it saw in a field, which concurrent users would mix up. */
    private static ObjectDataType javaSerialized() {
        return new ObjectDataType();
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
