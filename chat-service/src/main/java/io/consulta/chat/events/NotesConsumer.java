package io.consulta.chat.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.chat.service.Notifier;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

import static io.consulta.chat.events.AppointmentsConsumer.text;

/** consulta.notes: a shared note or a new prescription becomes a notification (ids only, never the content). */
@ApplicationScoped
public class NotesConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final Users users;
    private final Notifier notifier;

    public NotesConsumer(ObjectMapper json, ProcessedEvents processed, Users users, Notifier notifier) {
        this.json = json;
        this.processed = processed;
        this.users = users;
        this.notifier = notifier;
    }

    @Incoming("notes")
    @Blocking
    public void onNotes(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (event.data() == null || !("note.shared".equals(event.type()) || "prescription.issued".equals(event.type()))) {
            return;
        }
        JsonNode data = event.data();
        String author = text(data, "authorId") != null ? text(data, "authorId") : text(data, "sharedBy");
        var drafts = NotificationRules.forNotes(event.type(), text(data, "patientId"), text(data, "doctorId"), author,
                text(data, "noteId"), text(data, "prescriptionId"), users::nameOf);
        if (!drafts.isEmpty()) {
            processed.handleOnce(event.id(), () -> notifier.notify(event.id(), drafts,
                    event.time() == null ? Instant.now() : event.time()));
        }
    }
}
