package io.consulta.chat.domain;

import java.util.List;

/** A message as a client asks to send it, checked against the limits before anything is stored. */
public record MessageDraft(String conversationId, String clientMessageId, String text, List<String> mediaIds) {

    public static MessageDraft of(String conversationId, String clientMessageId, String text, List<String> mediaIds,
                                  ChatLimits limits) {
        requireId("conversationId", conversationId);
        requireId("clientMessageId", clientMessageId);
        List<String> media = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        if (media.size() > limits.maxMediaIds()) {
            throw FrameRejected.invalid("mediaIds: at most " + limits.maxMediaIds() + " attachments per message");
        }
        media.forEach(id -> requireId("mediaIds", id));
        if (media.stream().distinct().count() != media.size()) {
            throw FrameRejected.invalid("mediaIds: the same attachment twice");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() && media.isEmpty()) {
            throw FrameRejected.invalid("text: a message needs text or an attachment");
        }
        int length = body.codePointCount(0, body.length());
        if (length > limits.maxTextLength()) {
            throw new FrameRejected(ErrorCodes.TOO_LONG,
                    "text: " + length + " characters, at most " + limits.maxTextLength() + " allowed");
        }
        return new MessageDraft(conversationId, clientMessageId, body, media);
    }

    /** Ids are opaque but bounded: letters, digits and {@code . _ : -}, at most 64 characters. */
    public static void requireId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw FrameRejected.invalid(field + ": required");
        }
        if (value.length() > ChatLimits.MAX_ID_LENGTH || !value.chars().allMatch(MessageDraft::isIdChar)) {
            throw FrameRejected.invalid(field + ": at most " + ChatLimits.MAX_ID_LENGTH
                    + " letters, digits or . _ : -");
        }
    }

    private static boolean isIdChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':'
                || c == '-';
    }

    /** The start of the text, for conversation lists. */
    public String preview(int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints)) + "…";
    }
}
