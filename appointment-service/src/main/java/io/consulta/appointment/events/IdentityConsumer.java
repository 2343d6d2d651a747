package io.consulta.appointment.events;

import io.consulta.appointment.store.PersonRepository;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.events.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the people projection (who is a bookable doctor, display names) from consulta.identity. */
@ApplicationScoped
@RequiredArgsConstructor
public class IdentityConsumer {

    private final Inbox inbox;
    private final PersonRepository people;

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        inbox.receive(payload, event -> IdentityEvents.TYPES.contains(event.type()) && event.userId() != null,
                event -> people.record(event.userId(), event.text("role"), event.text("status"), event.text("name"),
                        event.text("email"), event.time()));
    }
}
