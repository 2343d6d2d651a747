package io.consulta.chat.service;

import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.store.PresenceStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Online/offline of the people one talks to. A user is online while they have a socket on any replica; their
 * counterparts hear when that changes, and a new socket first gets who is online right now.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PresenceTracker {

    private static final Logger LOG = Logger.getLogger(PresenceTracker.class);

    private final PresenceStore presence;
    private final ConversationStore conversations;
    private final LiveDelivery live;
    private final FrameFormat frames;
    private final Replica replica;
    private ScheduledExecutorService heartbeat;

    void start(@Observes StartupEvent event) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("chat-presence").factory());
        long every = PresenceStore.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                presence.heartbeat(replica.id());
            } catch (RuntimeException e) {
                LOG.warnf("Presence heartbeat failed: %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                presence.forget(replica.id());
            } catch (RuntimeException e) {
                LOG.debugf("Could not clear presence on shutdown: %s", e.getMessage());
            }
        }
    }

    public void opened(Client session, boolean firstHere) {
        presence.change(session.userId(), replica.id(), 1);
        Set<String> counterparts = conversations.counterparts(session.userId());
        if (firstHere) {
            live.presence(session.userId(), true, counterparts);
        }
        for (String online : presence.online(counterparts)) {
            session.send(frames.presence(online, true));
        }
    }

    public void closed(Client session, boolean lastHere) {
        boolean stillOnline = presence.change(session.userId(), replica.id(), -1);
        if (lastHere && !stillOnline) {
            live.presence(session.userId(), false, conversations.counterparts(session.userId()));
        }
    }
}
