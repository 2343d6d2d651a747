package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of {@link ObjectDataType#serialize} (Java serialization), written directly for strings: index entries hold
 * the ids and names they are keyed by in that form, and an {@code ObjectOutputStream} per value (a kilobyte of buffers
 * and tables each) was a quarter of the server's allocation under chat load. A string is the stream header, then
 * {@code TC_STRING}, its length and its modified UTF-8, as {@code DataOutput.writeUTF} writes it; anything else still
 * goes through Java serialization.
 */
final class JavaSerialized {

    private static final byte[] STRING_HEADER = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x74};
    private static final int SHORT_STRING_LIMIT = 0xFFFF;

    private JavaSerialized() {
    }

    static byte[] of(Object value) {
        if (value instanceof String text) {
            byte[] direct = ofString(text);
            if (direct != null) {
                return direct;
            }
        }
        if (value instanceof ObjectId id) {
            return SerializedObjectIds.IDS.serialize(id);
        }
        return ObjectDataType.serialize(value);
    }

    /** Null when the string is too long for the short form (Java serialization then writes {@code TC_LONGSTRING}). */
    private static byte[] ofString(String text) {
        int length = modifiedUtf8Length(text);
        if (length > SHORT_STRING_LIMIT) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(STRING_HEADER.length + 2 + length);
        out.writeBytes(STRING_HEADER);
        out.write(length >>> 8);
        out.write(length);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                out.write(c);
            } else if (c <= 0x07FF) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }

    private static int modifiedUtf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }
}
