package io.consulta.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What chat-service tells the others on {@value Topics#CHAT}: ids and metadata only, never message text. The schemas
 * are {@code events/<type>.schema.json}.
 */
public final class ChatEvents {

    public static final String TOPIC = Topics.CHAT;
    public static final String CONVERSATION_STARTED = "conversation.started";
    public static final String MESSAGE_SENT = "message.sent";

    public static final List<String> TYPES = List.of(CONVERSATION_STARTED, MESSAGE_SENT);

    private ChatEvents() {
    }

    public record ConversationStarted(String conversationId, String doctorId, String patientId, String startedBy) {
    }

    public record MessageSent(String conversationId, String messageId, String senderId, String recipientId,
                              Instant sentAt, int mediaCount) {
    }
}
