package io.consulta.appointment.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the people projection (who is a bookable doctor, display names) from consulta.identity. */
@ApplicationScoped
public class IdentityConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final PersonRepository people;

    public IdentityConsumer(ObjectMapper json, ProcessedEvents processed, PersonRepository people) {
        this.json = json;
        this.processed = processed;
        this.people = people;
    }

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        String userId = event.userId();
        if (!IdentityEvents.TYPES.contains(event.type()) || userId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> people.record(userId, event.text("role"), event.text("status"),
                event.text("name"), event.text("email"), event.time()));
    }
}
