package io.consulta.chat.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.chat.service.Notifier;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.identity: names and e-mail addresses for notifications; "approved" tells the doctor. */
@ApplicationScoped
public class IdentityConsumer {

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final Users users;
    private final Notifier notifier;

    public IdentityConsumer(ObjectMapper json, ProcessedEvents processed, Users users, Notifier notifier) {
        this.json = json;
        this.processed = processed;
        this.users = users;
        this.notifier = notifier;
    }

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        String userId = event.userId();
        if (event.data() == null || userId == null) {
            return;
        }
        processed.handleOnce(event.id(), () -> {
            users.apply(userId, event.text("role"), event.text("status"), event.text("name"), event.text("email"));
            notifier.notify(event.id(), NotificationRules.forIdentity(event.type(), userId),
                    event.timeOrNow());
        });
    }
}
