package io.consulta.common.events;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.PojoCodecProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Services store entries through the POJO codec; the relay finds and removes them by their "id" field. */
class OutboxEntryTest {

    private static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            com.mongodb.MongoClientSettings.getDefaultCodecRegistry(),
            CodecRegistries.fromProviders(PojoCodecProvider.builder().automatic(true).build()));

    @Test
    void the_pojo_codec_stores_the_event_id_under_id_not_as_a_document_id() {
        OutboxEntry entry = new OutboxEntry("event-1", "consulta.test", "key-1", "thing.happened", "{}", Instant.now());

        BsonDocument stored = byPojoCodec(entry);

        assertThat(stored.getString("id").getValue()).isEqualTo("event-1");
        assertThat(stored.containsKey("_id")).isFalse();
        assertThat(stored.getString("topic").getValue()).isEqualTo("consulta.test");
    }

    @Test
    void toDocument_stores_the_same_fields_as_the_pojo_codec() {
        OutboxEntry entry = new OutboxEntry("event-1", "consulta.test", "key-1", "thing.happened", "{}", Instant.now());
        BsonDocument stored = byPojoCodec(entry);

        BsonDocument byHand = entry.toDocument().toBsonDocument(BsonDocument.class, REGISTRY);

        assertThat(byHand.keySet()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        assertThat(byHand.getString("id")).isEqualTo(stored.getString("id"));
        assertThat(byHand.getString("payload")).isEqualTo(stored.getString("payload"));
    }

    private static BsonDocument byPojoCodec(OutboxEntry entry) {
        BsonDocument stored = new BsonDocument();
        REGISTRY.get(OutboxEntry.class).encode(new BsonDocumentWriter(stored), entry, EncoderContext.builder().build());
        return stored;
    }
}
