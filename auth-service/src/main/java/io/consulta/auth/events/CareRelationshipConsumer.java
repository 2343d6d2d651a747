package io.consulta.auth.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.care.CareEventConsumer;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the care-relationship projection from appointment and chat events (common's {@link CareEventConsumer}). */
@Singleton
public class CareRelationshipConsumer extends CareEventConsumer {

    public CareRelationshipConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
        super(json, processed, relationships);
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String payload) {
        onEvent(payload);
    }

    /** Only conversation.started matters; the chat messages on this topic are skipped unparsed beyond their type. */
    @Incoming("chat")
    @Blocking
    public void onChat(String payload) {
        onEvent(payload);
    }
}
