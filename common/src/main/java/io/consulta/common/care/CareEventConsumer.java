package io.consulta.common.care;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;

/**
 * Keeps a service's care-relationship projection from appointment and chat events ({@link CareRelationshipRule}),
 * each event once. A service's subclass is a {@code @Singleton} bean (a normal-scoped one would need a no-args
 * constructor for its proxy) that only names the channels: an {@code @Incoming @Blocking} method per topic that
 * calls {@link #onEvent(String)}. Events the rule ignores (a chat message, say) are skipped
 * before they are recorded as handled.
 */
public abstract class CareEventConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final CareRelationships relationships;

    protected CareEventConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
        this.json = json;
        this.processed = processed;
        this.relationships = relationships;
    }

    protected final void onEvent(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (CareRelationshipRule.concerns(event.type())) {
            processed.handleOnce(event.id(), () -> CareRelationshipRule.apply(event, relationships));
        }
    }
}
