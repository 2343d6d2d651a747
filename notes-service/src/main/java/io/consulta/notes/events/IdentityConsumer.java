package io.consulta.notes.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.consulta.notes.store.People;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.identity: the names, date of birth and licence number a prescription is printed with. */
@ApplicationScoped
public class IdentityConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final People people;

    public IdentityConsumer(ObjectMapper json, ProcessedEvents processed, People people) {
        this.json = json;
        this.processed = processed;
        this.people = people;
    }

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        String userId = event.userId();
        if (event.data() == null || userId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> people.apply(userId, event.text("role"), event.text("name"),
                event.text("dateOfBirth"), event.text("licenceNumber")));
    }
}
