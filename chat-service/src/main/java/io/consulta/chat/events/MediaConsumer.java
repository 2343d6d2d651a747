package io.consulta.chat.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.store.MediaRefs;
import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.media: which uploaded files exist and whom they are about, so a message carries only those it may. */
@ApplicationScoped
public class MediaConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final MediaRefs refs;

    public MediaConsumer(ObjectMapper json, ProcessedEvents processed, MediaRefs refs) {
        this.json = json;
        this.processed = processed;
        this.refs = refs;
    }

    @Incoming("media")
    @Blocking
    public void onMedia(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (event.data() == null || !MediaEvents.TYPES.contains(event.type())) {
            return;
        }
        String mediaId = event.text("mediaId");
        String patientId = event.text("patientId");
        if (mediaId == null || patientId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> {
            if (MediaEvents.UPLOADED.equals(event.type())) {
                refs.uploaded(mediaId, patientId, event.text("uploadedBy"));
            } else {
                refs.deleted(mediaId, patientId);
            }
        });
    }
}
