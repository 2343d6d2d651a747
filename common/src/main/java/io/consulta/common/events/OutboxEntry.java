package io.consulta.common.events;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;
import java.util.Date;

/**
 * An event waiting to be published, embedded in the document whose change it describes, so state and event are
 * written in one single-document (atomic) write. The relay removes it once Kafka has acknowledged it.
 * A mutable POJO because the MongoDB POJO codec stores it.
 */
public class OutboxEntry {

    /**
     * Stored as "id", as the relay reads it. Left to its conventions the POJO codec would store a property named
     * {@code id} as "_id", and the relay would then remove entries it never published.
     */
    @BsonProperty("id")
    public String id;
    public String topic;
    public String key;
    public String type;
    public String payload;
    public Instant createdAt;

    public OutboxEntry() {
    }

    public OutboxEntry(String id, String topic, String key, String type, String payload, Instant createdAt) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    /** The entry as stored in a document's outbox by writers that do not use the POJO codec, and as the relay reads it. */
    public Document toDocument() {
        return new Document("id", id).append("topic", topic).append("key", key).append("type", type)
                .append("payload", payload).append("createdAt", createdAt == null ? null : Date.from(createdAt));
    }
}
