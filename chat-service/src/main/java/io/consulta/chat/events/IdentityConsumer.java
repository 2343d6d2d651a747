package io.consulta.chat.events;

import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.chat.service.Notifier;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.identity: names and e-mail addresses for notifications; "approved" tells the doctor. */
@ApplicationScoped
@RequiredArgsConstructor
public class IdentityConsumer {

    private final Inbox inbox;
    private final Users users;
    private final Notifier notifier;

    @Incoming("identity")
    @Blocking
    public void onIdentity(String payload) {
        inbox.receive(payload, event -> event.data() != null && event.userId() != null, this::apply);
    }

    private void apply(CloudEvent event) {
        String userId = event.userId();
        users.apply(userId, event.text("role"), event.text("status"), event.text("name"), event.text("email"));
        notifier.notify(event.id(), NotificationRules.forIdentity(event.type(), userId), event.timeOrNow());
    }
}
