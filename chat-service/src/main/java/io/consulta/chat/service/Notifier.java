package io.consulta.chat.service;

import io.consulta.chat.domain.NotificationDraft;
import io.consulta.chat.store.NotificationStore;
import io.consulta.chat.store.Users;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Turns notification drafts into stored notifications, live frames and, for reminders, e-mail. */
@ApplicationScoped
@RequiredArgsConstructor
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final NotificationStore notifications;
    private final LiveDelivery live;
    private final Users users;
    private final Mailer mailer;
    private final ExecutorService mailThreads = Executors.newVirtualThreadPerTaskExecutor();

    /** Idempotent per event: a redelivered event neither duplicates a notification nor sends its e-mail twice. */
    public void notify(String eventId, List<NotificationDraft> drafts, Instant at) {
        for (NotificationDraft draft : drafts) {
            notifications.create(eventId, draft, at).ifPresent(live::notification);
            if (draft.email()) {
                email(eventId + ":" + draft.userId(), draft);
            }
        }
    }

    private void email(String notificationId, NotificationDraft draft) {
        if (!notifications.emailPending(notificationId)) {
            return;
        }
        String address = users.find(draft.userId()).map(Users.User::email).orElse(null);
        if (address == null || address.isBlank()) {
            // no address known yet (identity event not seen): the in-app notification still reaches them
            LOG.infof("No e-mail address known for user %s; reminder shown in-app only", draft.userId());
            notifications.markEmailed(notificationId);
            return;
        }
        send(Mail.withText(address, "Consulta: " + draft.title(), draft.body()
                + "\n\nOpen Consulta to see or change your appointment."));
        notifications.markEmailed(notificationId);
    }

    /**
     * Sends from a thread of its own, then waits: called from a consumer's ordered Vert.x context, the mail client
     * queued its SMTP replies behind the waiting thread itself and timed out after 60 s, the mail sent or not
     * (quarkusio/quarkus#28353; seen against the local inbox).
     */
    private void send(Mail mail) {
        try {
            mailThreads.submit(() -> mailer.send(mail)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an e-mail", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }
}
