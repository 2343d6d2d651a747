package io.consulta.auth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.auth.store.CareRelationships;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the care-relationship projection from appointment and chat events. */
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
        JsonNode data = event.data();
        String doctorId = data.path("doctorId").asText(null);
        String patientId = data.path("patientId").asText(null);
        String appointmentId = data.path("appointmentId").asText(event.subject());
        if (doctorId == null || patientId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> {
            if ("appointment.cancelled".equals(event.type())) {
                relationships.appointmentCancelled(doctorId, patientId, appointmentId);
            } else if (!"appointment.reminder-due".equals(event.type())) {
                relationships.appointmentActive(doctorId, patientId, appointmentId);
            }
        });
    }

    @Incoming("chat")
    @Blocking
    public void onChat(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (!"conversation.started".equals(event.type())) {
            return;
        }
        String doctorId = event.data().path("doctorId").asText(null);
        String patientId = event.data().path("patientId").asText(null);
        if (doctorId != null && patientId != null) {
            processed.handleOnce(event.id(), () -> relationships.conversationStarted(doctorId, patientId));
        }
    }
}
