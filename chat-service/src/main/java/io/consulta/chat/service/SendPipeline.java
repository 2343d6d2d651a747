package io.consulta.chat.service;

import io.consulta.chat.ChatConfig;
import io.consulta.chat.domain.ErrorCodes;
import io.consulta.chat.domain.FrameRejected;
import io.consulta.chat.domain.MediaRef;
import io.consulta.chat.domain.MessageDraft;
import io.consulta.chat.domain.Participants;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.store.MediaRefs;
import io.consulta.chat.store.SequenceAllocator;
import io.consulta.chat.store.SequenceAllocator.NewMessage;
import io.consulta.chat.store.MessageStore;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stores sent messages. Sends are sharded by conversation over a few writer threads, so one conversation's messages
 * are stored one after the other in the order they arrived (their sequence numbers follow that order), while
 * different conversations proceed in parallel. A writer takes whatever has queued up as one batch: the messages of
 * one conversation get their sequence numbers in one atomic conversation update, then the whole batch is inserted in
 * one round trip and announced to the other replicas in one record. Under light load a batch is one message, so nothing waits for a
 * batch to fill.
 */
@ApplicationScoped
public class SendPipeline {

    private static final Logger LOG = Logger.getLogger(SendPipeline.class);
    private static final int PREVIEW = 140;
    private static final int MAX_BATCH = 128;
    private static final int QUEUE_CAPACITY = 10_000;

    private final ConversationStore conversations;
    private final SequenceAllocator allocator;
    private final MessageStore messages;
    private final LiveDelivery live;
    private final FrameFormat frames;
    private final Outbox outbox;
    private final MediaRefs mediaRefs;
    private final int writerCount;
    private final long gatherNanos;
    private final List<BlockingQueue<Request>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    /** A send frame that passed validation, from one socket. */
    record Request(Client session, MessageDraft draft, long queuedAt) {
    }

    /** A message of the current batch on its way to the database. */
    private record Pending(Request request, ChatMessage message, NewMessage change, Participants participants) {
    }

    public SendPipeline(ConversationStore conversations, SequenceAllocator allocator, MessageStore messages,
                        LiveDelivery live, FrameFormat frames, Outbox outbox, MediaRefs mediaRefs, ChatConfig config) {
        this.conversations = conversations;
        this.allocator = allocator;
        this.messages = messages;
        this.live = live;
        this.frames = frames;
        this.outbox = outbox;
        this.mediaRefs = mediaRefs;
        this.writerCount = config.writers();
        this.gatherNanos = config.gatherFor().toNanos();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            BlockingQueue<Request> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            queues.add(queue);
            writers.add(Thread.ofPlatform().daemon().name("chat-writer-" + i).start(() -> run(queue)));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.interrupt();
            writer.join(2_000);
        }
    }

    /** Queues a send; never blocks the caller (a socket's event loop). */
    public void submit(Client session, MessageDraft draft) {
        int shard = Math.floorMod(draft.conversationId().hashCode(), queues.size());
        if (!queues.get(shard).offer(new Request(session, draft, System.nanoTime()))) {
            session.send(frames.error(ErrorCodes.INTERNAL, "The server is overloaded; retry the message shortly",
                    draft.clientMessageId()));
        }
    }

    private void run(BlockingQueue<Request> queue) {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherAfter(first, queue);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "A batch of %d messages failed", batch.size());
                batch.forEach(r -> r.session().send(frames.error(ErrorCodes.INTERNAL,
                        "The server could not store this message; retry it", r.draft().clientMessageId())));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Lets more sends join the batch until the first has waited {@code consulta.chat.gather-for}: every batch costs
     * the same two database commands however many messages it carries.
     */
    private void gatherAfter(Request first, BlockingQueue<Request> queue) {
        long until = first.queuedAt() + gatherNanos;
        long left;
        while ((left = until - System.nanoTime()) > 0 && queue.size() < MAX_BATCH - 1) {
            LockSupport.parkNanos(Math.min(left, 100_000));
        }
    }

    private void store(List<Request> batch) {
        // one run per conversation, in arrival order; the same client message id twice in one batch is one message
        Map<String, List<Request>> runs = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        List<Request> repeatsInBatch = new ArrayList<>();
        for (Request request : batch) {
            String key = request.draft().conversationId() + '\u0000' + request.draft().clientMessageId();
            if (keys.add(key)) {
                runs.computeIfAbsent(request.draft().conversationId(), id -> new ArrayList<>()).add(request);
            } else {
                repeatsInBatch.add(request);
            }
        }
        List<Pending> pending = allocate(runs);
        if (pending.isEmpty()) {
            return;
        }
        MessageStore.BatchResult result;
        try {
            result = messages.insertAll(pending.stream().map(Pending::message).toList());
        } catch (RuntimeException e) {
            pending.forEach(p -> undo(p, null));
            throw e;
        }
        List<LiveDelivery.Stored> stored = new ArrayList<>(pending.size());
        Map<String, List<OutboxEntry>> events = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (result.duplicates().contains(i)) {
                // a retry of a message stored before: answer with that one; this sequence number stays unused
                ChatMessage kept = messages.findByClientId(p.message().conversationId(), p.message().clientMessageId())
                        .orElseThrow();
                undo(p, kept);
                p.request().session().send(frames.ack(kept, true));
                stored.add(LiveDelivery.Stored.skipped(p.message().conversationId(), p.message().seq(), p.participants()));
            } else if (result.failed().containsKey(i)) {
                LOG.errorf("Message %s not stored: %s", p.message().id(), result.failed().get(i));
                undo(p, null);
                p.request().session().send(frames.error(ErrorCodes.INTERNAL,
                        "The server could not store this message; retry it", p.message().clientMessageId()));
                stored.add(LiveDelivery.Stored.skipped(p.message().conversationId(), p.message().seq(), p.participants()));
            } else {
                p.request().session().send(frames.ack(p.message(), false));
                events.computeIfAbsent(p.message().conversationId(), id -> new ArrayList<>()).add(p.change().event());
                stored.add(LiveDelivery.Stored.message(p.message(), p.participants(),
                        p.request().session().connectionId()));
            }
        }
        live.messages(stored);
        // the relay publishes the stored messages' events within consulta.outbox.gather-for, without reading them back
        events.forEach((conversationId, sent) -> outbox.flush(ConversationStore.COLLECTION, conversationId, sent));
        for (Request repeat : repeatsInBatch) {
            // the same client message id twice in one batch: the first one stands for both
            messages.findByClientId(repeat.draft().conversationId(), repeat.draft().clientMessageId())
                    .ifPresent(kept -> repeat.session().send(frames.ack(kept, true)));
        }
    }

    /** A conversation's run of accepted sends, with their changes to the conversation. */
    private record Run(List<Request> requests, List<NewMessage> changes, Participants participants) {
    }

    /**
     * Gives every conversation's run of messages their sequence numbers, all conversations in one round trip (a retry
     * is recognised when it is inserted). A sender who is not a participant is answered on their own.
     */
    private List<Pending> allocate(Map<String, List<Request>> requestsByConversation) {
        Map<String, Run> runs = new LinkedHashMap<>();
        requestsByConversation.forEach((conversationId, requests) -> {
            Run run = prepare(conversationId, requests);
            if (run != null) {
                runs.put(conversationId, run);
            }
        });
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<String, Long> lastSeqs;
        try {
            lastSeqs = allocator.allocate(runs.values().stream().map(Run::changes).toList());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not allocate sequence numbers in %d conversations", runs.size());
            runs.values().forEach(run -> run.requests().forEach(r -> r.session().send(frames.error(ErrorCodes.INTERNAL,
                    "The server could not store this message; retry it", r.draft().clientMessageId()))));
            return List.of();
        }
        List<Pending> pending = new ArrayList<>();
        runs.forEach((conversationId, run) -> {
            Long lastSeq = lastSeqs.get(conversationId);
            if (lastSeq == null) {
                run.requests().forEach(request -> reject(request, FrameRejected.notFound(conversationId)));
                return;
            }
            long first = lastSeq - run.changes().size() + 1;
            for (int i = 0; i < run.changes().size(); i++) {
                Request request = run.requests().get(i);
                NewMessage change = run.changes().get(i);
                pending.add(new Pending(request, new ChatMessage(change.messageId(), conversationId, first + i,
                        change.senderId(), change.clientMessageId(), request.draft().text(), request.draft().mediaIds(),
                        change.sentAt()), change, run.participants()));
            }
        });
        return pending;
    }

    /** The run of one conversation's sends from its participants; null if there are none. */
    private Run prepare(String conversationId, List<Request> requests) {
        Optional<Participants> found = conversations.participants(conversationId);
        List<Request> allowed = new ArrayList<>(requests.size());
        for (Request request : requests) {
            if (found.isPresent() && found.get().includes(request.session().userId())) {
                Optional<FrameRejected> refused = attachmentRefusal(request.draft(), found.get());
                if (refused.isPresent()) {
                    reject(request, refused.get());
                } else {
                    allowed.add(request);
                }
            } else {
                reject(request, FrameRejected.notFound(conversationId));
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        Participants participants = found.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<NewMessage> changes = new ArrayList<>(allowed.size());
        for (Request request : allowed) {
            MessageDraft draft = request.draft();
            String me = request.session().userId();
            String messageId = UUID.randomUUID().toString();
            OutboxEntry sent = outbox.event(ChatEvents.TOPIC, ChatEvents.MESSAGE_SENT, conversationId,
                    new ChatEvents.MessageSent(conversationId, messageId, me, participants.counterpartOf(me), now,
                            draft.mediaIds().size()));
            changes.add(new NewMessage(conversationId, messageId, me, participants.sideOf(me),
                    draft.clientMessageId(), draft.preview(PREVIEW), draft.mediaIds().size(), now, sent));
        }
        return new Run(allowed, changes, participants);
    }

    /**
     * A message may carry only ids of files chat's media projection knows and that are about this conversation's
     * patient; one query per message that has attachments, none for the rest.
     */
    private Optional<FrameRejected> attachmentRefusal(MessageDraft draft, Participants participants) {
        if (draft.mediaIds().isEmpty()) {
            return Optional.empty();
        }
        Map<String, MediaRef> known = mediaRefs.find(draft.mediaIds());
        for (String mediaId : draft.mediaIds()) {
            MediaRef ref = known.get(mediaId);
            if (ref == null || !ref.attachableIn(participants)) {
                return Optional.of(FrameRejected.invalid("mediaIds: " + mediaId + " is not a file that can be "
                        + "attached here (a file just uploaded may take a moment to be known; retry then)"));
            }
        }
        return Optional.empty();
    }

    private void reject(Request request, FrameRejected rejected) {
        request.session().send(frames.error(rejected.code(), rejected.getMessage(), request.draft().clientMessageId()));
    }

    private void undo(Pending p, ChatMessage keptInstead) {
        try {
            allocator.undo(p.change(), keptInstead);
        } catch (RuntimeException e) {
            LOG.warnf("Could not undo the allocation of message %s: %s", p.message().id(), e.getMessage());
        }
    }
}
