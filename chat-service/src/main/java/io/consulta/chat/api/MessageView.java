package io.consulta.chat.api;

import io.consulta.chat.store.ChatMessage;

import java.time.Instant;
import java.util.List;

public record MessageView(String id, String conversationId, long seq, String senderId, String clientMessageId,
                          String text, List<String> mediaIds, Instant sentAt) {

    public static MessageView of(ChatMessage m) {
        return new MessageView(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.text(),
                m.mediaIds(), m.sentAt());
    }
}
