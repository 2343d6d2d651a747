package io.consulta.notes.events;

import io.consulta.common.events.Inbox;
import io.consulta.notes.store.People;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.identity: the names, date of birth and licence number a prescription is printed with. */
@ApplicationScoped
@RequiredArgsConstructor
public class IdentityConsumer {

    private final Inbox inbox;
    private final People people;

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        inbox.receive(payload, event -> event.data() != null && event.userId() != null,
                event -> people.apply(event.userId(), event.text("role"), event.text("name"),
                        event.text("dateOfBirth"), event.text("licenceNumber")));
    }
}
