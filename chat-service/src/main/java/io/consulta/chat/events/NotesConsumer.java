package io.consulta.chat.events;

import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.chat.service.Notifier;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.NoteEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** consulta.notes: a shared note or a new prescription becomes a notification (ids only, never the content). */
@ApplicationScoped
@RequiredArgsConstructor
public class NotesConsumer {

    private final Inbox inbox;
    private final Users users;
    private final Notifier notifier;
    private final CareRelationships relationships;

    @Incoming("notes")
    @Blocking
    public void onNotes(String payload) {
        inbox.receive(payload, event -> event.data() != null && (NoteEvents.NOTE_SHARED.equals(event.type())
                || NoteEvents.PRESCRIPTION_ISSUED.equals(event.type())), this::notifyOf);
    }

    private void notifyOf(CloudEvent event) {
        String author = event.text("authorId") != null ? event.text("authorId") : event.text("sharedBy");
        String patientId = event.text("patientId");
        String doctorId = event.text("doctorId");
        List<String> patientsDoctors = doctorId == null && patientId != null ? relationships.doctorsOf(patientId)
                : List.of();
        notifier.notify(event.id(), NotificationRules.forNotes(event.type(), patientId, doctorId, author,
                event.text("noteId"), event.text("prescriptionId"), patientsDoctors, users::nameOf), event.timeOrNow());
    }
}
