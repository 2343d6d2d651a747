package io.consulta.media.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.care.CareRelationshipRule;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.appointments: keeps the care-relationship projection that lets doctors see their patients' media. */
@ApplicationScoped
public class AppointmentsConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final CareRelationships relationships;

    public AppointmentsConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
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
}
