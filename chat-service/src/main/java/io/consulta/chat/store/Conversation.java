package io.consulta.chat.store;

import io.consulta.common.store.Documents;
import io.consulta.chat.domain.Participants;
import org.bson.Document;

import java.time.Instant;

/** A stored conversation: its pair, how far it got (lastSeq), and per-side unread counters and read marks. */
public record Conversation(String id, Participants participants, String startedBy, Instant createdAt,
                           Instant lastActivityAt, long lastSeq, LastMessage lastMessage, long patientUnread,
                           long doctorUnread, long patientReadSeq, long doctorReadSeq) {

    /** The newest message, kept on the conversation so lists need no second query. Its seq is {@code lastSeq}. */
    public record LastMessage(String id, String senderId, String preview, Instant sentAt, int mediaCount) {
    }

    public long unreadFor(String userId) {
        return participants.sideOf(userId) == Participants.Side.PATIENT ? patientUnread : doctorUnread;
    }

    public long readSeqOf(String userId) {
        return participants.sideOf(userId) == Participants.Side.PATIENT ? patientReadSeq : doctorReadSeq;
    }

    static Conversation from(Document d) {
        Document last = d.get("lastMessage", Document.class);
        LastMessage lastMessage = last == null ? null : new LastMessage(last.getString("id"),
                last.getString("senderId"), last.getString("preview"), Documents.instant(last, "sentAt"),
                last.getInteger("mediaCount", 0));
        return new Conversation(d.getString("_id"), new Participants(d.getString("patientId"), d.getString("doctorId")),
                d.getString("startedBy"), Documents.instant(d, "createdAt"), Documents.instant(d, "lastActivityAt"),
                Documents.longValue(d, "lastSeq"), lastMessage, Documents.longValue(d, "patientUnread"),
                Documents.longValue(d, "doctorUnread"), Documents.longValue(d, "patientReadSeq"),
                Documents.longValue(d, "doctorReadSeq"));
    }
}
