package io.consulta.common.care;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.common.events.CloudEvent;

/**
 * How appointment and chat events change the care-relationship projection: every appointment event but a
 * cancellation or a reminder means the appointment is active; a cancellation ends it; a started conversation is
 * remembered. Idempotent, so a redelivered event is harmless; callers still wrap it in
 * {@code ProcessedEvents.handleOnce}. Events without both people are ignored.
 */
public final class CareRelationshipRule {

    private CareRelationshipRule() {
    }

    public static void apply(CloudEvent event, CareRelationships relationships) {
        JsonNode data = event.data();
        String type = event.type();
        if (data == null || type == null) {
            return;
        }
        String doctorId = text(data, "doctorId");
        String patientId = text(data, "patientId");
        if (doctorId == null || patientId == null) {
            return;
        }
        if (type.equals(ChatEvents.CONVERSATION_STARTED)) {
            relationships.conversationStarted(doctorId, patientId);
            return;
        }
        if (!type.startsWith(AppointmentEvents.PREFIX)) {
            return;
        }
        String appointmentId = data.path("appointmentId").asText(event.subject());
        if (type.equals(AppointmentEvents.CANCELLED)) {
            relationships.appointmentCancelled(doctorId, patientId, appointmentId);
        } else if (!type.equals(AppointmentEvents.REMINDER_DUE)) {
            relationships.appointmentActive(doctorId, patientId, appointmentId);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
