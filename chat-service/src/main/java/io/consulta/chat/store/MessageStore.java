package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.MongoException;
import io.consulta.common.store.DuplicateKey;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Messages. Two unique indexes carry the invariants: one message per (conversation, client message id) — a retried
 * send never stores twice — and one per (conversation, seq).
 */
@ApplicationScoped
public class MessageStore {

    public static final String COLLECTION = "messages";
    private static final String CLIENT_ID_INDEX = "one_per_client_message_id";

    private final MongoCollection<Document> messages;

    public MessageStore(ServiceDatabase database) {
        this.messages = database.collection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        messages.createIndex(Indexes.ascending("conversationId", "clientMessageId"),
                new IndexOptions().unique(true).name(CLIENT_ID_INDEX));
        messages.createIndex(Indexes.ascending("conversationId", "seq"),
                new IndexOptions().unique(true).name("one_per_seq"));
    }

    /** Stores the message; false if the conversation already holds one with this client message id. */
    public boolean insert(ChatMessage message) {
        try {
            messages.insertOne(message.toDocument());
            return true;
        } catch (RuntimeException e) {
            if (e instanceof MongoException mongo && DuplicateKey.is(mongo) && findByClientId(message.conversationId(), message.clientMessageId()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** Which messages of a batch were not stored: duplicates of an earlier client message id, or other failures. */
    public record BatchResult(java.util.Set<Integer> duplicates, java.util.Map<Integer, String> failed) {
    }

    /**
     * Stores a batch in one round trip; every message is attempted (unordered), so one retry in the batch does not
     * hold back the others.
     */
    public BatchResult insertAll(List<ChatMessage> batch) {
        if (batch.size() == 1) {
            return insert(batch.getFirst()) ? new BatchResult(java.util.Set.of(), java.util.Map.of())
                    : new BatchResult(java.util.Set.of(0), java.util.Map.of());
        }
        try {
            messages.insertMany(batch.stream().map(ChatMessage::toDocument).toList(),
                    new com.mongodb.client.model.InsertManyOptions().ordered(false));
            return new BatchResult(java.util.Set.of(), java.util.Map.of());
        } catch (com.mongodb.MongoBulkWriteException e) {
            java.util.Set<Integer> duplicates = new java.util.HashSet<>();
            java.util.Map<Integer, String> failed = new java.util.HashMap<>();
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (DuplicateKey.is(error)
                        && error.getMessage().contains(CLIENT_ID_INDEX)) {
                    duplicates.add(error.getIndex());
                } else {
                    failed.put(error.getIndex(), error.getMessage());
                }
            }
            return new BatchResult(duplicates, failed);
        }
    }

    public Optional<ChatMessage> findByClientId(String conversationId, String clientMessageId) {
        return Optional.ofNullable(messages.find(Filters.and(Filters.eq("conversationId", conversationId),
                Filters.eq("clientMessageId", clientMessageId))).first()).map(ChatMessage::from);
    }

    public List<ChatMessage> findByIds(Collection<String> ids) {
        List<ChatMessage> found = new ArrayList<>();
        messages.find(Filters.in("_id", ids)).forEach(d -> found.add(ChatMessage.from(d)));
        return found;
    }

    /**
     * Up to {@code limit} messages before {@code beforeSeq}, newest first: the end of the conversation's range of the
     * (conversationId, seq) index, read backwards — on MongoDB and on the local stack's server alike.
     */
    public List<ChatMessage> before(String conversationId, long beforeSeq, int limit) {
        List<ChatMessage> page = new ArrayList<>();
        messages.find(Filters.and(Filters.eq("conversationId", conversationId), Filters.lt("seq", beforeSeq)))
                .sort(Sorts.descending("seq")).limit(limit).forEach(d -> page.add(ChatMessage.from(d)));
        return page;
    }

    /** Up to {@code limit} messages after {@code afterSeq}, oldest first: what a client missed. */
    public List<ChatMessage> after(String conversationId, long afterSeq, int limit) {
        List<ChatMessage> page = new ArrayList<>();
        messages.find(Filters.and(Filters.eq("conversationId", conversationId), Filters.gt("seq", afterSeq)))
                .sort(Sorts.ascending("seq")).limit(limit).forEach(d -> page.add(ChatMessage.from(d)));
        return page;
    }

    /** How many messages {@code senderId} wrote after {@code afterSeq}. */
    public long countFrom(String conversationId, String senderId, long afterSeq) {
        return messages.countDocuments(Filters.and(Filters.eq("conversationId", conversationId),
                Filters.eq("senderId", senderId), Filters.gt("seq", afterSeq)));
    }
}
