package io.consulta.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;

/**
 * Creates outbox entries for a service's events. The caller adds the entry to the aggregate document it is about to
 * write (field {@value #FIELD}), writes it, then calls {@link #flush(Object)} with the document's id so the relay
 * publishes without waiting for its next poll.
 */
@ApplicationScoped
public class Outbox {

    public static final String FIELD = "outbox";

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final String source;

    public Outbox(ObjectMapper json, OutboxRelay relay,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.relay = relay;
        this.source = "/" + applicationName;
    }

    /** An event of {@code type} about aggregate {@code key} (the Kafka key and CloudEvents subject). */
    public OutboxEntry event(String topic, String type, String key, Object data) {
        JsonNode tree = json.valueToTree(data);
        CloudEvent event = CloudEvent.create(source, type, key, tree);
        try {
            return new OutboxEntry(event.id(), topic, key, type, json.writeValueAsString(event), event.time());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " cannot be written as JSON", e);
        }
    }

    /** Publishes now the entries of the documents just written (by their {@code _id}). */
    public void flush(Object documentId) {
        relay.wake(List.of(documentId));
    }

    public void flush(Collection<?> documentIds) {
        relay.wake(documentIds);
    }

    /**
     * Publishes now the entries just stored in one document, without the relay reading them back: for writers whose
     * events are many and small (chat messages). Hand over only entries whose write succeeded.
     */
    public void flush(String collection, Object documentId, List<OutboxEntry> entries) {
        relay.handOver(collection, documentId, entries);
    }

    /** Publishes now whatever is pending, in any document (after a write touching many documents). */
    public void flushAll() {
        relay.wake();
    }
}
