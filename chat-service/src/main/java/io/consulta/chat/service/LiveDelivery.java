package io.consulta.chat.service;

import io.consulta.chat.domain.DeliveryOrder;
import io.consulta.chat.domain.Participants;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.MessageStore;
import io.consulta.chat.store.Notification;
import io.consulta.chat.store.NotificationStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pushes what happened to the sockets that should see it: on this replica directly, on the others through the
 * fan-out topic. Messages go out in sequence order per conversation (see {@link DeliveryOrder}), and only after
 * they are stored.
 */
@ApplicationScoped
public class LiveDelivery implements FanoutListener {

    private static final Logger LOG = Logger.getLogger(LiveDelivery.class);
    /** With the fan-out consumer's fetch wait, other replicas' devices get a message ≈ 10–30 ms after this one's. */
    private static final long FANOUT_EVERY_MILLIS = 10;
    private static final int MAX_ITEMS_PER_RECORD = 1_000;

    private final ConnectedClients sessions;
    private final ReplicaFanout fanout;
    private final Replica replica;
    private final FrameFormat frames;
    private final MessageStore messages;
    private final NotificationStore notifications;
    private final DeliveryOrder<Outgoing> order;
    /**
     * Stored messages the other replicas have not been told about yet. They go out together every few milliseconds:
     * one record per writer batch made the fan-out topic's records, not its bytes, a tenth of the service's CPU.
     */
    private final Queue<FanoutRecord.Item> unannounced = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService timer;

    /** A frame for the sockets of some users, except the connection it came from. */
    record Outgoing(String frame, List<String> recipients, String exceptConnection) {
    }

    public LiveDelivery(ConnectedClients sessions, ReplicaFanout fanout, Replica replica, FrameFormat frames, MessageStore messages,
                        NotificationStore notifications) {
        this.sessions = sessions;
        this.fanout = fanout;
        this.replica = replica;
        this.frames = frames;
        this.messages = messages;
        this.notifications = notifications;
        this.order = new DeliveryOrder<>(Duration.ofMillis(300), Duration.ofMinutes(10), this::push);
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("chat-delivery-order").factory());
        timer.scheduleWithFixedDelay(() -> order.expire(System.nanoTime()), 50, 50, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::publishStored, FANOUT_EVERY_MILLIS, FANOUT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        publishStored();
    }

    /**
     * A message stored on this replica, with whom it is for and the socket it came from; or, with a null message, a
     * sequence number of {@code conversationId} that was allocated but will never hold a message.
     */
    public record Stored(ChatMessage message, Participants participants, String originConnection, String conversationId,
                         long seq) {

        public static Stored message(ChatMessage m, Participants participants, String originConnection) {
            return new Stored(m, participants, originConnection, m.conversationId(), m.seq());
        }

        public static Stored skipped(String conversationId, long seq, Participants participants) {
            return new Stored(null, participants, null, conversationId, seq);
        }
    }

    /** Messages were stored on this replica: deliver them here at once, and tell the other replicas shortly. */
    public void messages(List<Stored> stored) {
        if (stored.isEmpty()) {
            return;
        }
        for (Stored s : stored) {
            ChatMessage m = s.message();
            if (m == null) {
                order.skip(s.conversationId(), s.seq(), System.nanoTime());
            } else {
                order.offer(m.conversationId(), m.seq(),
                        new Outgoing(frames.message(m), s.participants().both(), s.originConnection()), System.nanoTime());
            }
            unannounced.add(new FanoutRecord.Item(s.conversationId(), m == null ? null : m.id(), s.seq(),
                    s.participants().both(), s.originConnection()));
        }
    }

    /** One fan-out record for the messages stored since the last one (bounded, so a record stays small). */
    private void publishStored() {
        try {
            while (!unannounced.isEmpty()) {
                List<FanoutRecord.Item> items = new ArrayList<>();
                FanoutRecord.Item item;
                while (items.size() < MAX_ITEMS_PER_RECORD && (item = unannounced.poll()) != null) {
                    items.add(item);
                }
                fanout.publish(new FanoutRecord(FanoutRecord.MESSAGES, replica.id(), null, null, null, null, null, null,
                        null, items));
            }
        } catch (RuntimeException e) {
            // publish itself never throws for the broker's sake; a failing timer task would never run again
            LOG.warnf("Could not announce stored messages to the other replicas: %s", e.getMessage());
        }
    }

    /** {@code userId} has read the conversation up to {@code seq}: both people's devices update receipts and badges. */
    public void read(String conversationId, String userId, long seq, Participants participants, String originConnection) {
        push(new Outgoing(frames.read(conversationId, userId, seq), participants.both(), originConnection));
        publish(FanoutRecord.READ, participants.both(), conversationId, null, seq, userId, null, originConnection);
    }

    public void typing(String conversationId, String userId, String counterpartId) {
        push(new Outgoing(frames.typing(conversationId, userId), List.of(counterpartId), null));
        publish(FanoutRecord.TYPING, List.of(counterpartId), conversationId, null, null, userId, null, null);
    }

    public void presence(String userId, boolean online, Collection<String> watchers) {
        if (watchers.isEmpty()) {
            return;
        }
        List<String> to = List.copyOf(watchers);
        push(new Outgoing(frames.presence(userId, online), to, null));
        publish(FanoutRecord.PRESENCE, to, null, null, null, userId, online, null);
    }

    /** A stored notification: shown at once on the recipient's devices, on whichever replica they are. */
    public void notification(Notification n) {
        push(new Outgoing(frames.notification(n), List.of(n.userId()), null));
        publish(FanoutRecord.NOTIFICATION, List.of(n.userId()), null, n.id(), null, n.userId(), null, null);
    }

    /** Records from the other replicas; messages and notifications are read from the database by id. */
    @Override
    public void onFanout(List<FanoutRecord> records) {
        List<FanoutRecord> relevant = records.stream().filter(r -> r.concernsAny(sessions::hasAny)).toList();
        if (relevant.isEmpty()) {
            return;
        }
        List<FanoutRecord.Item> wanted = relevant.stream().filter(r -> r.items() != null)
                .flatMap(r -> r.items().stream())
                .filter(item -> item.id() != null && sessions.hasAny(item.recipients())).toList();
        Map<String, ChatMessage> stored = wanted.isEmpty() ? Map.of() : messages.findByIds(
                wanted.stream().map(FanoutRecord.Item::id).toList()).stream()
                .collect(Collectors.toMap(ChatMessage::id, m -> m, (a, b) -> a));
        Map<String, Notification> notes = load(relevant, FanoutRecord.NOTIFICATION, notifications::findByIds, Notification::id);
        for (FanoutRecord r : relevant) {
            switch (r.kind()) {
                case FanoutRecord.MESSAGES -> r.items().forEach(item -> {
                    ChatMessage m = item.id() == null ? null : stored.get(item.id());
                    if (item.id() == null) {
                        order.skip(item.conversationId(), item.seq(), System.nanoTime());
                    } else if (m != null) {
                        order.offer(m.conversationId(), m.seq(),
                                new Outgoing(frames.message(m), item.recipients(), item.exceptConnection()), System.nanoTime());
                    }
                });
                case FanoutRecord.READ -> push(new Outgoing(frames.read(r.conversationId(), r.userId(), r.seq()),
                        r.recipients(), r.exceptConnection()));
                case FanoutRecord.TYPING -> push(new Outgoing(frames.typing(r.conversationId(), r.userId()),
                        r.recipients(), null));
                case FanoutRecord.PRESENCE -> push(new Outgoing(frames.presence(r.userId(), Boolean.TRUE.equals(r.online())),
                        r.recipients(), null));
                case FanoutRecord.NOTIFICATION -> {
                    Notification n = notes.get(r.id());
                    if (n != null) {
                        push(new Outgoing(frames.notification(n), r.recipients(), null));
                    }
                }
                default -> {
                    // a kind from a newer replica: ignore
                }
            }
        }
    }

    private static <T> Map<String, T> load(List<FanoutRecord> records, String kind,
                                           Function<List<String>, List<T>> find, Function<T, String> id) {
        List<String> ids = new ArrayList<>();
        for (FanoutRecord r : records) {
            if (kind.equals(r.kind()) && r.id() != null) {
                ids.add(r.id());
            }
        }
        return ids.isEmpty() ? Map.of() : find.apply(ids).stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }

    private void push(Outgoing outgoing) {
        for (String userId : outgoing.recipients()) {
            sessions.send(userId, outgoing.frame(), outgoing.exceptConnection());
        }
    }

    private void publish(String kind, List<String> recipients, String conversationId, String id, Long seq,
                         String userId, Boolean online, String exceptConnection) {
        fanout.publish(new FanoutRecord(kind, replica.id(), recipients, conversationId, id, seq, userId, online,
                exceptConnection, null));
    }
}
