package io.consulta.chat.api;

import io.consulta.chat.store.Conversation;

import java.time.Instant;

/**
 * A conversation as one of its participants sees it: who the other person is, the last message, how many messages
 * they have not read, and how far the other person has read (for receipts).
 */
public record ConversationView(String id, String patientId, String doctorId, String counterpartId, String startedBy,
                               Instant createdAt, Instant lastActivityAt, long lastSeq, LastMessageView lastMessage,
                               long unreadCount, long readSeq, long counterpartReadSeq, boolean counterpartOnline) {

    public record LastMessageView(String id, long seq, String senderId, String text, Instant sentAt, int mediaCount) {
    }

    public static ConversationView of(Conversation c, String viewerId, boolean counterpartOnline) {
        String counterpart = c.participants().counterpartOf(viewerId);
        Conversation.LastMessage last = c.lastMessage();
        return new ConversationView(c.id(), c.participants().patientId(), c.participants().doctorId(), counterpart,
                c.startedBy(), c.createdAt(), c.lastActivityAt(), c.lastSeq(),
                last == null ? null : new LastMessageView(last.id(), c.lastSeq(), last.senderId(), last.preview(),
                        last.sentAt(), last.mediaCount()),
                c.unreadFor(viewerId), c.readSeqOf(viewerId), c.readSeqOf(counterpart), counterpartOnline);
    }
}
