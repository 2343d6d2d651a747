package io.consulta.notes.events;

import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.Inbox;
import io.consulta.notes.store.MediaCatalog;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.media: which uploads a note may name (media.uploaded), and which not any more (media.deleted). */
@ApplicationScoped
@RequiredArgsConstructor
public class MediaConsumer {

    private final Inbox inbox;
    private final MediaCatalog media;

    @Incoming("media")
    @Blocking
    public void onMedia(String payload) {
        inbox.receive(payload, event -> MediaEvents.TYPES.contains(event.type())
                && event.textOrSubject("mediaId") != null && event.text("patientId") != null, this::apply);
    }

    private void apply(CloudEvent event) {
        String mediaId = event.textOrSubject("mediaId");
        String patientId = event.text("patientId");
        if (MediaEvents.UPLOADED.equals(event.type())) {
            media.uploaded(mediaId, patientId, event.text("uploadedBy"), event.text("purpose"),
                    event.text("contentType"));
        } else {
            media.deleted(mediaId, patientId);
        }
    }
}
