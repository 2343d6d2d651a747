package io.consulta.notes.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.consulta.notes.store.People;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import static io.consulta.notes.events.EventFields.text;

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
        if (event.data() == null) {
            return;
        }
        JsonNode data = event.data();
        String userId = text(data, "userId") != null ? text(data, "userId") : event.subject();
        if (userId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> people.apply(userId, text(data, "role"), text(data, "name"),
                text(data, "dateOfBirth"), text(data, "licenceNumber")));
    }
}
