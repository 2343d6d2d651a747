package io.consulta.chat.domain;

import io.consulta.chat.domain.Participants.Side;

import java.util.List;

/**
 * What a run of messages sent in one conversation, in this order, does to the conversation's counters when it is
 * written in one update rather than one update per message. The result is exactly that of the single updates one
 * after the other: each message takes the next sequence number, counts as unread for the other side, and marks the
 * conversation read for its sender (whoever writes has read it).
 *
 * @param senders the side of each message's sender, in arrival order (not empty)
 */
public record MessageRun(List<Side> senders) {

    public MessageRun {
        if (senders == null || senders.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one message");
        }
        senders = List.copyOf(senders);
    }

    public int size() {
        return senders.size();
    }

    /**
     * How one side's unread count changes: set to a value if that side wrote in the run (its last message reset the
     * count; the other side's later messages count again), otherwise increased by the other side's messages.
     */
    public UnreadChange unreadOf(Side side) {
        int lastOwn = senders.lastIndexOf(side);
        long fromOther = senders.subList(lastOwn + 1, senders.size()).stream().filter(s -> s != side).count();
        return new UnreadChange(lastOwn >= 0, fromOther);
    }

    /** Either {@code unread = value} ({@code reset}) or {@code unread += value}. */
    public record UnreadChange(boolean reset, long value) {
    }
}
