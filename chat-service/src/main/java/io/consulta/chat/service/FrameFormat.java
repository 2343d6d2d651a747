package io.consulta.chat.service;

import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.Notification;

/**
 * The frames the use cases send to clients, as text ready for the wire. Implemented by the WebSocket side
 * ({@code api.Frames}, which owns the JSON of the chat protocol).
 */
public interface FrameFormat {

    String ack(ChatMessage message, boolean duplicate);

    String message(ChatMessage message);

    String read(String conversationId, String userId, long seq);

    String typing(String conversationId, String userId);

    String presence(String userId, boolean online);

    String resumed(String conversationId, long lastSeq, boolean more, long counterpartReadSeq);

    String notification(Notification notification);

    String error(String code, String message, String ref);
}
