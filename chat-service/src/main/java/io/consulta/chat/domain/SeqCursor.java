package io.consulta.chat.domain;

/**
 * History paging by a conversation's sequence numbers: {@code before} is exclusive, absent means "from the newest".
 * A page holds at most {@link #MAX_LIMIT} messages.
 */
public record SeqCursor(long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws IllegalArgumentException with the field and reason for a malformed value */
    public static SeqCursor parse(String before, int limit) {
        long beforeSeq = Long.MAX_VALUE;
        if (before != null && !before.isBlank()) {
            try {
                beforeSeq = Long.parseLong(before.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("before: must be a message sequence number");
            }
            if (beforeSeq < 1) {
                throw new IllegalArgumentException("before: must be 1 or more");
            }
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
        return new SeqCursor(beforeSeq, limit);
    }
}
