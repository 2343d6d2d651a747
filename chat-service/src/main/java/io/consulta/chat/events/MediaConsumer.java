package io.consulta.chat.events;

import io.consulta.chat.store.MediaRefs;
import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.media: which uploaded files exist and whom they are about, so a message carries only those it may. */
@ApplicationScoped
@RequiredArgsConstructor
public class MediaConsumer {

    private final Inbox inbox;
    private final MediaRefs refs;

    @Incoming("media")
    @Blocking
    public void onMedia(String payload) {
        inbox.receive(payload, event -> MediaEvents.TYPES.contains(event.type()) && event.text("mediaId") != null
                && event.text("patientId") != null, this::apply);
    }

    private void apply(CloudEvent event) {
        if (MediaEvents.UPLOADED.equals(event.type())) {
            refs.uploaded(event.text("mediaId"), event.text("patientId"), event.text("uploadedBy"));
        } else {
            refs.deleted(event.text("mediaId"), event.text("patientId"));
        }
    }
}
