package io.consulta.chat.domain;

import io.consulta.common.domain.InvalidInputException;

/**
 * History paging by a conversation's sequence numbers: {@code before} is exclusive, absent means "from the newest".
 * A page holds at most {@link #MAX_LIMIT} messages.
 */
public record SeqCursor(long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws InvalidInputException naming the field of a malformed value */
    public static SeqCursor parse(String before, int limit) {
        long beforeSeq = Long.MAX_VALUE;
        if (before != null && !before.isBlank()) {
            try {
                beforeSeq = Long.parseLong(before.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("before", "must be a message sequence number");
            }
            if (beforeSeq < 1) {
                throw new InvalidInputException("before", "must be 1 or more");
            }
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new SeqCursor(beforeSeq, limit);
    }
}
