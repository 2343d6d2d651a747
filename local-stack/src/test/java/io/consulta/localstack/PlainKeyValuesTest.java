package io.consulta.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlainKeyValuesTest {

    private static final List<IndexKey> COMPOUND = List.of(new IndexKey("conversationId", true),
            new IndexKey("seq", true));

    /** mongo-java-server's own key extraction, which the fast path must equal. */
    private static final MemoryUniqueIndex GENERAL = new MemoryUniqueIndex("general", COMPOUND, false);

    @Test
    void plainValuesGiveTheSameKeysAsMongoJavaServer() {
        List<Document> documents = List.of(
                new Document("conversationId", "c-1").append("seq", 7),
                new Document("conversationId", "c-1").append("seq", 7L),
                new Document("conversationId", "c-1").append("seq", 7.0),
                new Document("conversationId", "c-1").append("seq", -0.0),
                new Document("conversationId", new ObjectId()).append("seq", Long.MAX_VALUE),
                new Document("conversationId", new Date(1_700_000_000_000L)).append("seq", null),
                new Document("conversationId", Instant.parse("2026-11-29T10:00:00Z")),
                new Document("other", "x"),
                new Document("conversationId", true).append("seq", new byte[] {1, 2}));
        PlainKeyValues plain = new PlainKeyValues(COMPOUND);
        for (Document document : documents) {
            assertThat(plain.of(document)).as(document.toString()).isEqualTo(GENERAL.getKeyValues(document));
        }
    }

    @Test
    void numbersOfEveryTypeMakeOneKey() {
        PlainKeyValues plain = new PlainKeyValues(COMPOUND);
        assertThat(plain.of(new Document("conversationId", "c").append("seq", 3)))
                .isEqualTo(plain.of(new Document("conversationId", "c").append("seq", 3L)))
                .isEqualTo(plain.of(new Document("conversationId", "c").append("seq", 3.0)));
    }

    @Test
    void arraysSubdocumentsAndDottedFieldsTakeTheGeneralPath() {
        assertThat(new PlainKeyValues(COMPOUND).of(new Document("conversationId", List.of("a", "b")).append("seq", 1)))
                .isNull();
        assertThat(new PlainKeyValues(COMPOUND).of(new Document("conversationId", new Document("a", 1)))).isNull();
        assertThat(new PlainKeyValues(List.of(new IndexKey("outbox.id", true))).of(new Document("outbox", List.of())))
                .isNull();
    }
}
