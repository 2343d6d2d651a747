package io.consulta.chat.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One live event passed between replicas on the internal fan-out topic. It carries ids only: a replica that has a
 * recipient connected reads the messages or notification from the database, so no text travels through Kafka.
 *
 * @param kind       messages (a batch, in {@code items}), read, typing, presence or notification
 * @param origin     the replica that published it (it has already delivered to its own sockets)
 * @param recipients users whose sockets should get it (not used for message batches: each item names its own)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FanoutRecord(String kind, String origin, List<String> recipients, String conversationId, String id,
                           Long seq, String userId, Boolean online, String exceptConnection, List<Item> items) {

    public static final String MESSAGES = "messages";
    public static final String READ = "read";
    public static final String TYPING = "typing";
    public static final String PRESENCE = "presence";
    public static final String NOTIFICATION = "notification";

    /** A stored message: where it belongs, who should see it, and which socket already has it (the sender's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String conversationId, String id, long seq, List<String> recipients, String exceptConnection) {
    }

    public String key() {
        if (MESSAGES.equals(kind)) {
            // a replica's batches stay in one partition, in the order it stored them
            return origin;
        }
        return conversationId != null ? conversationId : userId != null ? userId : id;
    }

    /** Users this record concerns, for a replica to decide whether it has anyone to deliver to. */
    public boolean concernsAny(java.util.function.Predicate<List<String>> connected) {
        if (items != null) {
            return items.stream().anyMatch(item -> connected.test(item.recipients()));
        }
        return recipients != null && connected.test(recipients);
    }
}
