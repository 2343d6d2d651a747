package io.consulta.chat.service;

import io.consulta.chat.domain.ChatLimits;
import io.consulta.chat.domain.FrameRejected;
import io.consulta.chat.domain.Participants;
import io.consulta.chat.domain.AuditActions;
import io.consulta.common.store.AuditLog;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.store.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import java.util.List;

/** What the chat frames other than send and auth do: read receipts, typing indicators, catching up. */
@ApplicationScoped
@RequiredArgsConstructor
public class Messaging {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final LiveDelivery live;
    private final FrameFormat frames;
    private final AuditLog audit;
    private final ChatLimits limits;

    public void read(Client session, String conversationId, long seq) {
        Participants participants = participantsFor(session, conversationId);
        long readSeq = conversations.markRead(conversationId, session.userId(), seq)
                .orElseThrow(() -> FrameRejected.notFound(conversationId));
        live.read(conversationId, session.userId(), readSeq, participants, session.connectionId());
    }

    public void typing(Client session, String conversationId) {
        Participants participants = participantsFor(session, conversationId);
        if (session.allowTyping(conversationId)) {
            live.typing(conversationId, session.userId(), participants.counterpartOf(session.userId()));
        }
    }

    /**
     * Sends everything after {@code lastSeq} (a batch at most; {@code more} says to resume again), then a
     * {@code resumed} frame. Live messages keep flowing meanwhile; clients order by seq and drop repeats.
     */
    public void resume(Client session, String conversationId, long lastSeq) {
        var conversation = conversations.findFor(conversationId, session.userId())
                .orElseThrow(() -> FrameRejected.notFound(conversationId));
        List<ChatMessage> missed = messages.after(conversationId, lastSeq, limits.resumeBatch());
        audit.record(session.userId(), AuditActions.RESUME, conversationId,
                new Document("afterSeq", lastSeq).append("messages", missed.size()));
        long last = lastSeq;
        for (ChatMessage m : missed) {
            session.send(frames.message(m));
            last = m.seq();
        }
        String counterpart = conversation.participants().counterpartOf(session.userId());
        session.send(frames.resumed(conversationId, last, missed.size() == limits.resumeBatch(),
                conversation.readSeqOf(counterpart)));
    }

    private Participants participantsFor(Client session, String conversationId) {
        return conversations.participantsFor(conversationId, session.userId())
                .orElseThrow(() -> FrameRejected.notFound(conversationId));
    }
}
