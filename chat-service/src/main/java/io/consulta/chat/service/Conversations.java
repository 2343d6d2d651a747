package io.consulta.chat.service;

import io.consulta.chat.domain.Participants;
import io.consulta.chat.domain.SeqCursor;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.domain.AuditActions;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.common.events.Outbox;
import io.consulta.common.store.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Opening a conversation (with its conversation.started event) and reading its history (audited). */
@ApplicationScoped
@RequiredArgsConstructor
public class Conversations {

    private final ConversationStore conversations;
    private final RecentHistory recentHistory;
    private final CareRelationships relationships;
    private final Outbox outbox;
    private final AuditLog audit;

    /**
     * Whether {@code me} and the one counterpart named have an appointment that is not cancelled, or a conversation
     * already. False when both or neither are named, or they are the same person (the opening rules say why).
     */
    public boolean haveCareRelationship(String me, String doctorId, String patientId) {
        String doctor = doctorId != null ? doctorId : me;
        String patient = patientId != null ? patientId : me;
        if (doctor.equals(patient) || doctorId != null && patientId != null) {
            return false;
        }
        return relationships.hasActiveAppointment(doctor, patient)
                || conversations.findByPair(new Participants(patient, doctor)).isPresent();
    }

    /** The pair's conversation, created (with its event) if they had none. */
    public ConversationStore.Opened open(Participants pair, String openedBy) {
        ConversationStore.Opened opened = conversations.open(pair, openedBy, id -> outbox.event(ChatEvents.TOPIC,
                ChatEvents.CONVERSATION_STARTED, id,
                new ChatEvents.ConversationStarted(id, pair.doctorId(), pair.patientId(), openedBy)));
        if (opened.created()) {
            outbox.flush(opened.conversation().id());
        }
        return opened;
    }

    /**
     * A page of a conversation's messages, newest first, each rendered by {@code render}, if it is {@code me}'s; the
     * next cursor is the sequence number to pass as {@code before}. {@code before} as the caller sent it goes into the
     * audit log.
     */
    public Optional<RecentHistory.Page> history(String me, String conversationId, SeqCursor cursor, String before,
                                                Function<ChatMessage, byte[]> render) {
        return conversations.participantsFor(conversationId, me).map(participants -> {
            RecentHistory.Page page = recentHistory.page(conversationId, cursor, render);
            audit.record(me, AuditActions.READ_HISTORY, conversationId, auditDetails(before, page));
            return page;
        });
    }

    /**
     * {@link #history} for a thread that must not block (the event loop): answered in memory when this replica knows the
     * participants and has the page cached, once the batched check for newer messages and the audit entry are stored;
     * anything else goes to {@link #history} on {@code blocking}.
     */
    public CompletableFuture<Optional<RecentHistory.Page>> historyWithoutBlocking(
            String me, String conversationId, SeqCursor cursor, String before, Function<ChatMessage, byte[]> render,
            Executor blocking) {
        Participants known = conversations.knownParticipants(conversationId);
        if (known != null && !known.includes(me)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<RecentHistory.Page>> cached = known == null
                ? CompletableFuture.completedFuture(Optional.empty()) : recentHistory.cachedPage(conversationId, cursor);
        return cached.thenCompose(page -> page.isEmpty()
                ? CompletableFuture.supplyAsync(() -> history(me, conversationId, cursor, before, render), blocking)
                : audit.recordAsync(me, AuditActions.READ_HISTORY, conversationId, auditDetails(before, page.get()))
                        .thenApply(stored -> page));
    }

    private static Document auditDetails(String before, RecentHistory.Page page) {
        return new Document("before", before).append("messages", page.items().size());
    }
}
