package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Index entries written before keep matching: the direct form is byte for byte what Java serialization writes. */
class JavaSerializedTest {

    @Test
    void stringsAreWrittenExactlyAsJavaSerializationWritesThem() {
        List<String> samples = List.of("", "c-1", "0f8fad5b-d9cb-469f-a165-70867728950e", "Ana Sá", "nul\u0000byte",
                "€ and ✓", "emoji \uD83D\uDE00 pair", "\u07FF\u0800\u0080\u007F", "x".repeat(65_535));
        for (String sample : samples) {
            assertThat(JavaSerialized.of(sample)).as(sample.length() > 40 ? "long string" : sample)
                    .isEqualTo(ObjectDataType.serialize(sample));
        }
    }

    @Test
    void randomStringsOfEveryCharacterRangeMatch() {
        Random random = new Random(29);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            String sample = new String(chars);
            assertThat(JavaSerialized.of(sample)).isEqualTo(ObjectDataType.serialize(sample));
        }
    }

    @Test
    void objectIdsAndIdIndexKeysOfThemAreWrittenExactlyAsJavaSerializationWritesThemAndReadBack() {
        Random random = new Random(30);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            ObjectId id = new ObjectId(bytes);
            assertThat(JavaSerialized.of(id)).isEqualTo(ObjectDataType.serialize(id));
            assertThat(IndexKeyType.Key.of(new KeyValue(id)).bytes()).isEqualTo(ObjectDataType.serialize(new KeyValue(id)));
            assertThat(IndexKeyType.Key.of(new KeyValue(id)).value()).isEqualTo(new KeyValue(id));
            assertThat(SerializedObjectIds.IDS.deserialize(ObjectDataType.serialize(id))).isEqualTo(id);
        }
        assertThat(SerializedObjectIds.IDS.deserialize(ObjectDataType.serialize(new KeyValue(new ObjectId())))).isNull();
        assertThat(SerializedObjectIds.IDS.deserialize(ObjectDataType.serialize("656750e0a1b2c3d4e5f60718"))).isNull();
    }

    @Test
    void longStringsAndOtherValuesGoThroughJavaSerialization() {
        String tooLongForTheShortForm = "ü".repeat(40_000); // 80,000 bytes of modified UTF-8
        assertThat(JavaSerialized.of(tooLongForTheShortForm)).isEqualTo(ObjectDataType.serialize(tooLongForTheShortForm));
        assertThat(JavaSerialized.of(Boolean.TRUE)).isEqualTo(ObjectDataType.serialize(Boolean.TRUE));
        assertThat(JavaSerialized.of(42L)).isEqualTo(ObjectDataType.serialize(42L));
    }
}
