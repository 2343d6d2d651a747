package io.consulta.common.care;

import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.common.events.CloudEvent;

/**
 * How appointment and chat events change the care-relationship projection: every appointment event but a
 * cancellation or a reminder means the appointment is active; a cancellation ends it; a started conversation is
 * remembered. Idempotent, so a redelivered event is harmless; callers still wrap it in
 * {@code Inbox.receive}. Events without both people are ignored.
 */
public final class CareRelationshipRule {

    private CareRelationshipRule() {
    }

    /** Whether an event of this type can change care relationships (others need not even be recorded as seen). */
    public static boolean concerns(String type) {
        return type != null && (type.equals(ChatEvents.CONVERSATION_STARTED) || type.startsWith(AppointmentEvents.PREFIX));
    }

    public static void apply(CloudEvent event, CareRelationships relationships) {
        String type = event.type();
        if (event.data() == null || type == null) {
            return;
        }
        String doctorId = event.text("doctorId");
        String patientId = event.text("patientId");
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
        String appointmentId = event.textOrSubject("appointmentId");
        if (type.equals(AppointmentEvents.CANCELLED)) {
            relationships.appointmentCancelled(doctorId, patientId, appointmentId);
        } else if (!type.equals(AppointmentEvents.REMINDER_DUE)) {
            relationships.appointmentActive(doctorId, patientId, appointmentId);
        }
    }
}
