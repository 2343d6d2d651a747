package io.consulta.chat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.service.FrameFormat;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.List;

/**
 * The JSON frames the server sends on /ws/chat. Every frame has a {@code type}; clients ignore types they do not
 * know, so new ones can be added without breaking them.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Frames implements FrameFormat {

    private final ObjectMapper json;

    public record Hello(String type, String userId, int maxTextLength, double framesPerSecond) {
    }

    public record Ack(String type, String conversationId, String clientMessageId, String messageId, long seq,
                      Instant sentAt, boolean duplicate) {
    }

    public record Message(String type, String conversationId, String messageId, long seq, String senderId,
                          String clientMessageId, String text, List<String> mediaIds, Instant sentAt) {
    }

    public record Read(String type, String conversationId, String userId, long seq) {
    }

    public record Typing(String type, String conversationId, String userId) {
    }

    public record Presence(String type, String userId, boolean online) {
    }

    public record Resumed(String type, String conversationId, long lastSeq, boolean more, long counterpartReadSeq) {
    }

    public record NotificationFrame(String type, NotificationView notification) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String type, String code, String message, String ref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Auth(String type, Instant expiresAt) {
    }

    public String hello(String userId, int maxTextLength, double framesPerSecond) {
        return write(new Hello("hello", userId, maxTextLength, framesPerSecond));
    }

    /** Written by hand (same JSON as {@link Ack}): one goes out for every message, so it is kept cheap. */
    @Override
    public String ack(ChatMessage m, boolean duplicate) {
        StringBuilder out = new StringBuilder(200).append("{\"type\":\"ack\"");
        field(out, "conversationId", m.conversationId());
        field(out, "clientMessageId", m.clientMessageId());
        field(out, "messageId", m.id());
        out.append(",\"seq\":").append(m.seq());
        field(out, "sentAt", m.sentAt().toString());
        return out.append(",\"duplicate\":").append(duplicate).append('}').toString();
    }

    /** Written by hand (same JSON as {@link Message}): the frame every delivery sends. */
    @Override
    public String message(ChatMessage m) {
        StringBuilder out = new StringBuilder(256 + m.text().length()).append("{\"type\":\"message\"");
        field(out, "conversationId", m.conversationId());
        field(out, "messageId", m.id());
        out.append(",\"seq\":").append(m.seq());
        field(out, "senderId", m.senderId());
        field(out, "clientMessageId", m.clientMessageId());
        field(out, "text", m.text());
        out.append(",\"mediaIds\":[");
        for (int i = 0; i < m.mediaIds().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, m.mediaIds().get(i));
        }
        out.append(']');
        field(out, "sentAt", m.sentAt().toString());
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        string(out, value);
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    @Override
    public String read(String conversationId, String userId, long seq) {
        return write(new Read("read", conversationId, userId, seq));
    }

    @Override
    public String typing(String conversationId, String userId) {
        return write(new Typing("typing", conversationId, userId));
    }

    @Override
    public String presence(String userId, boolean online) {
        return write(new Presence("presence", userId, online));
    }

    @Override
    public String resumed(String conversationId, long lastSeq, boolean more, long counterpartReadSeq) {
        return write(new Resumed("resumed", conversationId, lastSeq, more, counterpartReadSeq));
    }

    @Override
    public String notification(Notification n) {
        return write(new NotificationFrame("notification", NotificationView.of(n)));
    }

    @Override
    public String error(String code, String message, String ref) {
        return write(new Error("error", code, message, ref));
    }

    public String auth(Instant expiresAt) {
        return write(new Auth("auth", expiresAt));
    }

    private String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + frame.getClass().getSimpleName() + " frame", e);
        }
    }
}
