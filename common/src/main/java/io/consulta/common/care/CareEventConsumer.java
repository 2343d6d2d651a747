package io.consulta.common.care;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.events.Inbox;
import io.consulta.common.events.ProcessedEvents;

/**
 * Keeps a service's care-relationship projection from appointment and chat events ({@link CareRelationshipRule}),
 * each event once. A service's subclass is a {@code @Singleton} bean (a normal-scoped one would need a no-args
 * constructor for its proxy) that only names the channels: an {@code @Incoming @Blocking} method per topic that
 * calls {@link #onEvent(String)}. Events the rule ignores (a chat message, say) are skipped
 * before they are recorded as handled.
 */
public abstract class CareEventConsumer {

    private final Inbox inbox;
    private final CareRelationships relationships;

    protected CareEventConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
        this.inbox = new Inbox(json, processed);
        this.relationships = relationships;
    }

    protected final void onEvent(String payload) {
        inbox.receive(payload, event -> CareRelationshipRule.concerns(event.type()),
                event -> CareRelationshipRule.apply(event, relationships));
    }
}
