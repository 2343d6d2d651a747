package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.MongoException;
import io.consulta.common.store.Documents;
import io.consulta.common.store.DuplicateKey;
import io.consulta.common.store.GroupLookup;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.consulta.chat.domain.Participants;
import io.consulta.chat.domain.Participants.Side;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversations, one per patient–doctor pair (unique index on the pair): opening, finding, listing, read marks. The
 * same documents give messages their sequence numbers: see {@link SequenceAllocator}.
 */
@ApplicationScoped
public class ConversationStore {

    public static final String COLLECTION = "conversations";
    private static final int PARTICIPANT_CACHE_LIMIT = 100_000;
    /** The order of {@code Sorts.descending("lastActivityAt", "_id")}: ids are ASCII, so String order is MongoDB's. */
    private static final Comparator<Conversation> MOST_RECENTLY_ACTIVE_FIRST = Comparator
            .comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed();

    private final MongoCollection<Document> conversations;
    private final MessageStore messages;
    /** Participants never change once a conversation exists, so every replica may cache them. */
    private final Map<String, Participants> participantCache = new ConcurrentHashMap<>();

    /** Every stored message's seq is at most its conversation's {@code lastSeq}: it is allocated before the insert. */
    private final GroupLookup<String, Long> lastSeqs;

    public ConversationStore(ServiceDatabase database, MessageStore messages) {
        this.conversations = database.collection(COLLECTION);
        this.messages = messages;
        this.lastSeqs = new GroupLookup<>("conversation-last-seq-reader", this::lastSeqsOf);
    }

    @PreDestroy
    void close() {
        lastSeqs.close();
    }

    void createIndexes(@Observes StartupEvent event) {
        conversations.createIndex(Indexes.ascending("pairKey"), new IndexOptions().unique(true).name("one_per_pair"));
        conversations.createIndex(Indexes.ascending("patientId", "lastActivityAt"), new IndexOptions().name("by_patient"));
        conversations.createIndex(Indexes.ascending("doctorId", "lastActivityAt"), new IndexOptions().name("by_doctor"));
    }

    public record Opened(Conversation conversation, boolean created) {
    }

    /** Creates the pair's conversation with its {@code conversation.started} event, or returns the existing one. */
    public Opened open(Participants pair, String startedBy, java.util.function.Function<String, OutboxEntry> startedEvent) {
        Optional<Conversation> existing = findByPair(pair);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        String id = UUID.randomUUID().toString();
        Date now = new Date();
        Document document = new Document("_id", id).append("pairKey", pair.pairKey())
                .append("patientId", pair.patientId()).append("doctorId", pair.doctorId())
                .append("startedBy", startedBy).append("createdAt", now).append("lastActivityAt", now)
                .append("lastSeq", 0L).append("patientUnread", 0L).append("doctorUnread", 0L)
                .append("patientReadSeq", 0L).append("doctorReadSeq", 0L)
                .append(Outbox.FIELD, List.of(startedEvent.apply(id).toDocument()));
        try {
            conversations.insertOne(document);
            return new Opened(Conversation.from(document), true);
        } catch (RuntimeException e) {
            if (e instanceof MongoException mongo && DuplicateKey.is(mongo)) {
                // opened by both people at the same moment: the other request won
                return new Opened(findByPair(pair).orElseThrow(() -> e), false);
            }
            throw e;
        }
    }

    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(conversations.find(Filters.eq("_id", id)).first()).map(Conversation::from);
    }

    /** The conversation if {@code userId} takes part in it; empty for strangers (their existence is not disclosed). */
    public Optional<Conversation> findFor(String id, String userId) {
        return find(id).filter(c -> c.participants().includes(userId));
    }

    public Optional<Conversation> findByPair(Participants pair) {
        return Optional.ofNullable(conversations.find(Filters.eq("pairKey", pair.pairKey())).first())
                .map(Conversation::from);
    }

    /** The conversation's participants if {@code userId} is one of them; empty for strangers, as {@link #findFor}. */
    public Optional<Participants> participantsFor(String conversationId, String userId) {
        return participants(conversationId).filter(participants -> participants.includes(userId));
    }

    /** The participants if this replica knows them already (without asking the store); null if not. */
    public Participants knownParticipants(String conversationId) {
        return participantCache.get(conversationId);
    }

    /**
     * The highest sequence number given out in the conversation (0 before its first message, null for no conversation),
     * without blocking: the conversations asked about meanwhile are read together.
     */
    public CompletableFuture<Long> lastSeq(String conversationId) {
        return lastSeqs.lookup(conversationId);
    }

    private Map<String, Long> lastSeqsOf(Set<String> ids) {
        Map<String, Long> found = new HashMap<>();
        conversations.find(Filters.in("_id", ids)).projection(Projections.include("lastSeq"))
                .forEach(d -> found.put(d.getString("_id"), Documents.longValue(d, "lastSeq")));
        return found;
    }

    /** Participants of a conversation, cached. */
    public Optional<Participants> participants(String conversationId) {
        Participants cached = participantCache.get(conversationId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document d = conversations.find(Filters.eq("_id", conversationId))
                .projection(Projections.include("patientId", "doctorId")).first();
        if (d == null) {
            return Optional.empty();
        }
        Participants participants = new Participants(d.getString("patientId"), d.getString("doctorId"));
        if (participantCache.size() >= PARTICIPANT_CACHE_LIMIT) {
            participantCache.clear();
        }
        participantCache.put(conversationId, participants);
        return Optional.of(participants);
    }

    /**
     * A page of the user's conversations, most recently active first: one query per side the user may be on, each
     * served by its index in activity order ({@code by_patient}, {@code by_doctor}), merged here. MongoDB merges an
     * {@code $or} of the two the same way, but the local stack's server scans the whole collection for any {@code $or}
     * (a doctor's list took 7 ms of its CPU with 5,000 conversations stored, issue 18).
     */
    public List<Conversation> listFor(String userId, ListCursor after, int limit) {
        Bson olderThanCursor = after == null ? null : Filters.or(
                Filters.lt("lastActivityAt", Date.from(after.at())),
                Filters.and(Filters.eq("lastActivityAt", Date.from(after.at())), Filters.lt("_id", after.id())));
        List<Conversation> page = new ArrayList<>();
        for (Side side : Side.values()) {
            Bson mine = Filters.eq(side.field("Id"), userId);
            conversations.find(olderThanCursor == null ? mine : Filters.and(mine, olderThanCursor))
                    .projection(Projections.exclude(Outbox.FIELD))
                    .sort(Sorts.descending("lastActivityAt", "_id")).limit(limit)
                    .forEach(d -> page.add(Conversation.from(d)));
        }
        page.sort(MOST_RECENTLY_ACTIVE_FIRST);
        return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
    }

    /** Everyone the user has a conversation with (for presence); one indexed query per side, as {@link #listFor}. */
    public Set<String> counterparts(String userId) {
        Set<String> counterparts = new LinkedHashSet<>();
        for (Side side : Side.values()) {
            String counterpart = side.other().field("Id");
            conversations.find(Filters.eq(side.field("Id"), userId)).projection(Projections.include(counterpart))
                    .forEach(d -> counterparts.add(d.getString(counterpart)));
        }
        return counterparts;
    }

    /**
     * Marks the conversation read by one side up to {@code seq} (capped at the newest message) and recomputes that
     * side's unread count. Returns the read mark now stored, or empty if the user is not a participant.
     */
    public OptionalLong markRead(String conversationId, String userId, long seq) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Conversation> found = findFor(conversationId, userId);
            if (found.isEmpty()) {
                return OptionalLong.empty();
            }
            Conversation c = found.get();
            Side side = c.participants().sideOf(userId);
            long upTo = Math.min(seq, c.lastSeq());
            long readSeq = Math.max(upTo, c.readSeqOf(userId));
            long unread = readSeq >= c.lastSeq() ? 0
                    : messages.countFrom(conversationId, c.participants().counterpartOf(userId), readSeq);
            // only if no message arrived meanwhile; otherwise count again
            var result = conversations.updateOne(Filters.and(Filters.eq("_id", conversationId),
                            Filters.eq("lastSeq", c.lastSeq())),
                    Updates.combine(Updates.max(side.field("ReadSeq"), readSeq), Updates.set(side.field("Unread"), unread)));
            if (result.getMatchedCount() == 1) {
                return OptionalLong.of(readSeq);
            }
        }
        throw new IllegalStateException("conversation " + conversationId + " is too busy to mark read; retry");
    }
}
