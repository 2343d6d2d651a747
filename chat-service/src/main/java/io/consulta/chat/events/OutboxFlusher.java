package io.consulta.chat.events;

import io.consulta.common.events.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands the conversations that got {@code message.sent} events to the outbox relay a few times a second rather than
 * after every stored batch. Each relay round costs the same few database round trips and one Kafka acknowledgement
 * however many events it carries; flushed per batch, those rounds were a fifth of the service's CPU under load. The
 * events leave at most one interval later, in the same order (the relay keeps a document's entries in order).
 */
@ApplicationScoped
public class OutboxFlusher {

    private static final Logger LOG = Logger.getLogger(OutboxFlusher.class);

    private final Outbox outbox;
    private final Duration interval;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    public OutboxFlusher(Outbox outbox,
                         @ConfigProperty(name = "consulta.chat.outbox-flush-interval", defaultValue = "25ms") Duration interval) {
        this.outbox = outbox;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("chat-outbox-flush").factory());
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        flush();
    }

    /** These conversation documents now hold unpublished events. */
    public void written(String conversationId) {
        written.add(conversationId);
    }

    private void flush() {
        if (written.isEmpty()) {
            return;
        }
        // an id written again meanwhile is removed too, but its write came before this flush: the relay sees it
        List<String> ids = List.copyOf(written);
        ids.forEach(written::remove);
        try {
            outbox.flush(ids);
        } catch (RuntimeException e) {
            // the relay's own periodic scan publishes them; a failing timer task would never run again
            LOG.warnf("Could not hand %d conversations to the outbox relay: %s", ids.size(), e.getMessage());
        }
    }
}
