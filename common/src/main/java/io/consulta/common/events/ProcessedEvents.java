package io.consulta.common.events;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.consulta.common.store.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;

/**
 * Lets a Kafka consumer apply each event once although Kafka and the outbox deliver at least once. An event is
 * recorded as processed only after its handler succeeded, so a crash mid-way means a retry, never a lost event;
 * handlers should therefore be idempotent writes (upserts, {@code $set}), which makes the rare retry harmless.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final MongoCollection<Document> processed;

    public ProcessedEvents(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.processed = mongo.getDatabase(database).getCollection("processed_events");
    }

    /** Runs {@code handler} unless an event with this id was already handled; returns whether it ran. */
    public boolean handleOnce(String eventId, Runnable handler) {
        if (processed.find(Filters.eq("_id", eventId)).first() != null) {
            return false;
        }
        handler.run();
        try {
            processed.insertOne(new Document("_id", eventId).append("processedAt", new Date()));
        } catch (MongoWriteException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
        }
        return true;
    }

    public boolean alreadyHandled(String eventId) {
        return processed.find(Filters.eq("_id", eventId)).first() != null;
    }
}
