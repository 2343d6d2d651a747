package io.consulta.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The receiving end of another service's outbox: a Kafka consumer hands it each payload, says which events concern it
 * and what to do with them, and every such event is applied once ({@link ProcessedEvents}). Events that do not
 * concern the consumer are skipped before they are recorded as handled, so they cost no write.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Inbox {

    private final ObjectMapper json;
    private final ProcessedEvents processed;

    /** Parses {@code payload} as a CloudEvent and, if {@code concerned} accepts it, applies {@code handler} once. */
    public void receive(String payload, Predicate<CloudEvent> concerned, Consumer<CloudEvent> handler) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (concerned.test(event)) {
            processed.handleOnce(event.id(), () -> handler.accept(event));
        }
    }
}
