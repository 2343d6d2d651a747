package io.consulta.common.events;

import java.time.Instant;

/**
 * An event waiting to be published, embedded in the document whose change it describes, so state and event are
 * written in one single-document (atomic) write. The relay removes it once Kafka has acknowledged it.
 * A mutable POJO because the MongoDB POJO codec stores it.
 */
public class OutboxEntry {

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
}
