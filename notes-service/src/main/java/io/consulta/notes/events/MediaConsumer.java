package io.consulta.notes.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.consulta.notes.store.MediaCatalog;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.media: which uploads a note may name (media.uploaded), and which not any more (media.deleted). */
@ApplicationScoped
public class MediaConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final MediaCatalog media;

    public MediaConsumer(ObjectMapper json, ProcessedEvents processed, MediaCatalog media) {
        this.json = json;
        this.processed = processed;
        this.media = media;
    }

    @Incoming("media")
    @Blocking
    public void onMedia(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (event.data() == null) {
            return;
        }
        String mediaId = event.textOrSubject("mediaId");
        String patientId = event.text("patientId");
        if (mediaId == null || patientId == null) {
            return;
        }
        if (MediaEvents.UPLOADED.equals(event.type())) {
            processed.handleOnce(event.id(), () -> media.uploaded(mediaId, patientId, event.text("uploadedBy"),
                    event.text("purpose"), event.text("contentType")));
        } else if (MediaEvents.DELETED.equals(event.type())) {
            processed.handleOnce(event.id(), () -> media.deleted(mediaId, patientId));
        }
    }
}
