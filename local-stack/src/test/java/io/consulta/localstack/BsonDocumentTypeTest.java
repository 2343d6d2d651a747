package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents go into H2 as BSON and come back equal, with the same Java types; old values still read. */
class BsonDocumentTypeTest {

    @Test
    void everyTypeTheServicesStoreComesBackEqualAndOfTheSameType() {
        Document message = new Document("_id", "0b6a3c1e-3f7e-4d59-9a53-3c1f0d2c8e11")
                .append("conversationId", "c-1").append("seq", 42L).append("count", 7).append("score", 2.5)
                .append("read", true).append("deleted", false).append("editedAt", null)
                .append("sentAt", Instant.parse("2026-11-29T20:38:00.123Z"))
                .append("objectId", new ObjectId("656750e0a1b2c3d4e5f60718"))
                .append("uuid", UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"))
                .append("legacyUuid", new LegacyUUID(UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2")))
                .append("attachment", new BinData(new byte[] {0, 1, 2, (byte) 255}))
                .append("amount", new Decimal128(new BigDecimal("12.34")))
                .append("clusterTime", new BsonTimestamp(Instant.parse("2026-11-29T20:00:00Z"), 3))
                .append("low", MinKey.getInstance()).append("high", MaxKey.getInstance())
                .append("outbox", List.of(new Document("id", "e-1").append("type", "chat.message.sent")
                        .append("payload", new Document("text", "Grüße, 👋").append("tags", List.of("a", 1L, 2.0)))))
                .append("emptyList", List.of()).append("emptyDocument", new Document());

        Object read = roundTrip(message);

        assertThat(read).isEqualTo(message);
        Document document = (Document) read;
        assertThat(List.copyOf(document.keySet())).containsExactlyElementsOf(message.keySet());
        for (String field : message.keySet()) {
            Object value = message.get(field);
            if (value != null) {
                assertThat(document.get(field)).as(field).isInstanceOf(value instanceof List ? List.class : value.getClass());
            }
        }
        assertThat(written(message)[0]).isEqualTo(BsonDocumentType.BSON);
    }

    @Test
    void bsonIsSmallerThanTheJavaSerializedForm() {
        Document message = new Document("_id", "0b6a3c1e-3f7e-4d59-9a53-3c1f0d2c8e11").append("conversationId", "c-1")
                .append("seq", 42L).append("senderId", "u-1").append("text", "See you at nine")
                .append("sentAt", Instant.parse("2026-11-29T20:38:00Z"));

        WriteBuffer javaSerialized = new WriteBuffer();
        new ObjectDataType().write(javaSerialized, message);

        assertThat(written(message).length).isLessThan(javaSerialized.position() / 2);
    }

    @Test
    void aValueWrittenByTheOldJavaSerializedFormStillReads() {
        Document old = new Document("_id", "m-1").append("seq", 1L).append("sentAt", Instant.EPOCH)
                .append("nested", new Document("list", List.of("x", 2)));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, old);
        buffer.put((byte) 99); // the next value on the page starts here

        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(old);
        assertThat(bytes.get()).isEqualTo((byte) 99);
    }

    @Test
    void aDocumentBsonCannotHoldIsKeptJavaSerializedRatherThanRefused() {
        Document odd = new Document("_id", "x").append("big", new java.math.BigInteger("123456789012345678901234567890"));

        assertThat(written(odd)[0]).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(roundTrip(odd)).isEqualTo(odd);
    }

    @Test
    void valuesOnAPageFollowEachOtherAndEachReadsOnlyItsOwnBytes() {
        Document first = new Document("_id", "a").append("n", 1);
        Document second = new Document("_id", "b").append("n", 2L);
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, first);
        BsonDocumentType.INSTANCE.write(buffer, second);

        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(StoredDocument.of(BsonDocumentType.INSTANCE.read(bytes))).isEqualTo(first);
        assertThat(StoredDocument.of(BsonDocumentType.INSTANCE.read(bytes))).isEqualTo(second);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentIsReadAsItsBytesAndWrittenBackAsTheyAre() {
        Document message = new Document("_id", "m-9").append("seq", 9L).append("text", "as stored");
        byte[] bytes = written(message);

        Object read = BsonDocumentType.INSTANCE.read(ByteBuffer.wrap(bytes));

        assertThat(read).isInstanceOf(StoredDocument.class);
        assertThat(((StoredDocument) read).decoded()).isEqualTo(message);
        assertThat(((StoredDocument) read).decoded()).as("a new document each time").isNotSameAs(((StoredDocument) read).decoded());
        WriteBuffer again = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(again, read);
        byte[] rewritten = new byte[again.position()];
        again.getBuffer().flip().get(rewritten);
        assertThat(rewritten).isEqualTo(bytes);
    }

    private static Object roundTrip(Document document) {
        return StoredDocument.of(BsonDocumentType.INSTANCE.read(ByteBuffer.wrap(written(document))));
    }

    private static byte[] written(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }
}
