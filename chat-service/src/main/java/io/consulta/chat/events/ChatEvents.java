package io.consulta.chat.events;

import java.time.Instant;

/** What chat-service tells the others on consulta.chat: ids and metadata only, never message text. */
public final class ChatEvents {

    public static final String TOPIC = "consulta.chat";
    public static final String CONVERSATION_STARTED = "conversation.started";
    public static final String MESSAGE_SENT = "message.sent";

    private ChatEvents() {
    }

    public record ConversationStarted(String conversationId, String doctorId, String patientId, String startedBy) {
    }

    public record MessageSent(String conversationId, String messageId, String senderId, String recipientId,
                              Instant sentAt, int mediaCount) {
    }
}
