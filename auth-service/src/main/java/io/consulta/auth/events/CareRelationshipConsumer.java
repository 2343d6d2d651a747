package io.consulta.auth.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.care.CareRelationshipRule;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the care-relationship projection from appointment and chat events (common's {@link CareRelationshipRule}). */
@ApplicationScoped
public class CareRelationshipConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final CareRelationships relationships;

    public CareRelationshipConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
        this.json = json;
        this.processed = processed;
        this.relationships = relationships;
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        processed.handleOnce(event.id(), () -> CareRelationshipRule.apply(event, relationships));
    }

    @Incoming("chat")
    @Blocking
    public void onChat(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (ChatEvents.CONVERSATION_STARTED.equals(event.type())) {
            processed.handleOnce(event.id(), () -> CareRelationshipRule.apply(event, relationships));
        }
    }
}
