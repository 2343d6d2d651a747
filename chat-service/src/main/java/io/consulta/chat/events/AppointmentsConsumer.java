package io.consulta.chat.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.domain.AppointmentFacts;
import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.common.care.CareRelationshipRule;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.chat.service.Notifier;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** consulta.appointments: keeps the care-relationship projection and notifies both people of changes. */
@ApplicationScoped
public class AppointmentsConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final CareRelationships relationships;
    private final Users users;
    private final Notifier notifier;

    public AppointmentsConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships,
                                Users users, Notifier notifier) {
        this.json = json;
        this.processed = processed;
        this.relationships = relationships;
        this.users = users;
        this.notifier = notifier;
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (event.type() == null || !event.type().startsWith(AppointmentEvents.PREFIX) || event.data() == null) {
            return;
        }
        JsonNode data = event.data();
        AppointmentFacts facts = new AppointmentFacts(data.path("appointmentId").asText(event.subject()),
                text(data, "doctorId"), text(data, "patientId"), instant(data, "start"), text(data, "timeZone"),
                text(data, "visitType"), text(data, "cancelledBy"));
        if (facts.doctorId() == null || facts.patientId() == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> {
            CareRelationshipRule.apply(event, relationships);
            notifier.notify(event.id(), NotificationRules.forAppointment(event.type(), facts, users::nameOf),
                    event.time() == null ? Instant.now() : event.time());
        });
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(JsonNode data, String field) {
        String value = text(data, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
