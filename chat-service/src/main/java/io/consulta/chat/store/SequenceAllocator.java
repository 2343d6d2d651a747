package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import io.consulta.common.store.Documents;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.consulta.chat.domain.MessageRun;
import io.consulta.chat.domain.Participants.Side;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives messages their sequence numbers, in the conversation document: one atomic update per run of messages in a
 * conversation increments {@code lastSeq}, updates unread counters and the last message, and queues the
 * {@code message.sent} events in the document's outbox. The outbox sits there and not on the message because a relay
 * scan then reads a few thousand conversations, not millions of messages. The document is rewritten for every run,
 * so it is kept small.
 */
@ApplicationScoped
public class SequenceAllocator {

    /** Bounds the memory of {@link #lastSeqs}: past it, the map starts afresh (a read per conversation again). */
    private static final int KNOWN_CONVERSATIONS_LIMIT = 100_000;

    private final MongoCollection<Document> conversations;
    private final ServiceDatabase database;
    /**
     * The {@code lastSeq} this replica last wrote or read per conversation; one writer thread handles a conversation
     * (see SendPipeline), so it is exact unless another replica wrote since.
     */
    private final Map<String, Long> lastSeqs = new ConcurrentHashMap<>();

    public SequenceAllocator(ServiceDatabase database) {
        this.database = database;
        this.conversations = database.collection(ConversationStore.COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        if (database.isLocalProtocolServer()) {
            // mongo-java-server uses an index only for a query on exactly its fields, and scanned every conversation
            // for each per-message write conditional on {_id, lastSeq}; MongoDB serves that write from _id alone.
            conversations.createIndex(Indexes.ascending("_id", "lastSeq"),
                    new IndexOptions().unique(true).name("id_at_seq"));
        }
    }

    /** What a new message changes on its conversation. */
    public record NewMessage(String conversationId, String messageId, String senderId, Side senderSide,
                             String clientMessageId, String preview, int mediaCount, Instant sentAt,
                             OutboxEntry event) {
    }

    private static final FindOneAndUpdateOptions RETURN_SEQ = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include("lastSeq"));
    private static final UpdateOptions UPSERT_FAILS_IF_MOVED = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /**
     * Allocates the sequence numbers of runs of messages, one run per conversation (each in arrival order): per
     * conversation one atomic write grows {@code lastSeq} by the run's length, changes the unread counters as the
     * single messages one after the other would ({@link MessageRun}), makes the run's last message the last message and
     * queues every message's {@code message.sent} event. Documents are found by id: the senders were checked against
     * the (immutable) participants before, and a retried client message id is caught by the unique index when the
     * message is inserted (its allocation is then undone).
     * <p>
     * The writes of all conversations go in one round trip when this replica knows their {@code lastSeq}: each is
     * conditional on it. A conversation another replica wrote to meanwhile fails that condition; its write is then an
     * upsert of an existing {@code _id}, which the server refuses with a duplicate key error for exactly that write —
     * the only per-write answer a bulk write gives — so nothing is applied for it, and it is allocated again with a
     * single {@code findOneAndUpdate} that returns the new {@code lastSeq}, as a conversation seen for the first time is.
     *
     * @return each conversation's {@code lastSeq} after its run; a conversation that does not exist is absent
     */
    public Map<String, Long> allocate(Collection<List<NewMessage>> runs) {
        Map<String, Long> after = new HashMap<>();
        List<List<NewMessage>> known = new ArrayList<>();
        List<List<NewMessage>> single = new ArrayList<>();
        for (List<NewMessage> run : runs) {
            (lastSeqs.containsKey(run.getFirst().conversationId()) ? known : single).add(run);
        }
        if (!known.isEmpty()) {
            single.addAll(allocateKnown(known, after));
        }
        for (List<NewMessage> run : single) {
            String id = run.getFirst().conversationId();
            Document updated = conversations.findOneAndUpdate(new BsonDocument("_id", new BsonString(id)),
                    runUpdate(run), RETURN_SEQ);
            if (updated != null) {
                remember(id, Documents.longValue(updated, "lastSeq"));
                after.put(id, Documents.longValue(updated, "lastSeq"));
            }
        }
        return after;
    }

    /** The conditional writes in one round trip; returns the runs whose condition failed (nothing applied for them). */
    private List<List<NewMessage>> allocateKnown(List<List<NewMessage>> runs, Map<String, Long> after) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(runs.size());
        long[] expected = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            String id = runs.get(i).getFirst().conversationId();
            expected[i] = lastSeqs.get(id);
            writes.add(new UpdateOneModel<>(new BsonDocument("_id", new BsonString(id))
                    .append("lastSeq", new BsonInt64(expected[i])), runUpdate(runs.get(i)), UPSERT_FAILS_IF_MOVED));
        }
        Set<Integer> moved = new HashSet<>();
        try {
            conversations.bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> moved.add(error.getIndex()));
        } catch (RuntimeException e) {
            // whether any write was applied is unknown: read every lastSeq afresh next time
            runs.forEach(run -> lastSeqs.remove(run.getFirst().conversationId()));
            throw e;
        }
        List<List<NewMessage>> retry = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String id = runs.get(i).getFirst().conversationId();
            if (moved.contains(i)) {
                lastSeqs.remove(id);
                retry.add(runs.get(i));
            } else {
                long lastSeq = expected[i] + runs.get(i).size();
                remember(id, lastSeq);
                after.put(id, lastSeq);
            }
        }
        return retry;
    }

    private void remember(String conversationId, long lastSeq) {
        if (lastSeqs.size() >= KNOWN_CONVERSATIONS_LIMIT) {
            lastSeqs.clear();
        }
        lastSeqs.put(conversationId, lastSeq);
    }

    private static BsonDocument runUpdate(List<NewMessage> run) {
        NewMessage last = run.getLast();
        MessageRun counters = new MessageRun(run.stream().map(NewMessage::senderSide).toList());
        BsonDateTime at = new BsonDateTime(last.sentAt().toEpochMilli());
        BsonDocument lastMessage = new BsonDocument("id", new BsonString(last.messageId()))
                .append("senderId", new BsonString(last.senderId()))
                .append("preview", new BsonString(last.preview()))
                .append("sentAt", at)
                .append("mediaCount", new BsonInt32(last.mediaCount()));
        BsonDocument inc = new BsonDocument("lastSeq", new BsonInt64(run.size()));
        BsonDocument set = new BsonDocument("lastMessage", lastMessage).append("lastActivityAt", at);
        for (Side side : Side.values()) {
            MessageRun.UnreadChange unread = counters.unreadOf(side);
            if (unread.reset()) {
                set.append(side.field("Unread"), new BsonInt64(unread.value()));
            } else if (unread.value() > 0) {
                inc.append(side.field("Unread"), new BsonInt64(unread.value()));
            }
        }
        BsonArray events = new BsonArray(run.size());
        run.forEach(m -> events.add(outboxBson(m.event())));
        return new BsonDocument("$inc", inc).append("$set", set)
                .append("$push", new BsonDocument(Outbox.FIELD, new BsonDocument("$each", events)));
    }

    /**
     * Takes back what {@link #allocate} changed when the message could not be stored after all: its event, the unread count
     * and, if nothing newer came since, the last message. The sequence number stays unused (a gap clients skip).
     */
    public void undo(NewMessage m, ChatMessage keptInstead) {
        // its message.sent event, unless the relay was quicker
        conversations.updateOne(Filters.eq("_id", m.conversationId()),
                Updates.pull(Outbox.FIELD, new Document("id", m.event().id)));
        conversations.updateOne(Filters.and(Filters.eq("_id", m.conversationId()),
                        Filters.gt(m.senderSide().other().field("Unread"), 0)),
                Updates.inc(m.senderSide().other().field("Unread"), -1L));
        Bson stillLast = Filters.and(Filters.eq("_id", m.conversationId()), Filters.eq("lastMessage.id", m.messageId()));
        if (keptInstead == null) {
            conversations.updateOne(stillLast, Updates.unset("lastMessage"));
        } else {
            conversations.updateOne(stillLast, Updates.set("lastMessage", new Document("id", keptInstead.id())
                    .append("senderId", keptInstead.senderId()).append("preview", keptInstead.text())
                    .append("sentAt", Date.from(keptInstead.sentAt()))
                    .append("mediaCount", keptInstead.mediaIds().size())));
        }
    }

    private static BsonDocument outboxBson(OutboxEntry entry) {
        return new BsonDocument("id", new BsonString(entry.id)).append("topic", new BsonString(entry.topic))
                .append("key", new BsonString(entry.key)).append("type", new BsonString(entry.type))
                .append("payload", new BsonString(entry.payload))
                .append("createdAt", new BsonDateTime(entry.createdAt.toEpochMilli()));
    }
}
