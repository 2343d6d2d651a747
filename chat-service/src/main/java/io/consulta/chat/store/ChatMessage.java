package io.consulta.chat.store;

import io.consulta.common.store.Documents;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A stored message. {@code seq} orders a conversation; {@code clientMessageId} makes a sender's retries safe. */
public record ChatMessage(String id, String conversationId, long seq, String senderId, String clientMessageId,
                          String text, List<String> mediaIds, Instant sentAt) {

    Document toDocument() {
        return new Document("_id", id).append("conversationId", conversationId).append("seq", seq)
                .append("senderId", senderId).append("clientMessageId", clientMessageId).append("text", text)
                .append("mediaIds", mediaIds).append("sentAt", Date.from(sentAt));
    }

    static ChatMessage from(Document d) {
        return new ChatMessage(d.getString("_id"), d.getString("conversationId"), Documents.longValue(d, "seq"),
                d.getString("senderId"), d.getString("clientMessageId"), d.getString("text"),
                d.getList("mediaIds", String.class, List.of()), Documents.instant(d, "sentAt"));
    }
}
