package io.consulta.chat.domain;

import java.util.Optional;

/**
 * The newest messages of a conversation, no sequence number missing among them, as the history cache holds them:
 * which page of history they answer on their own, and how newer messages extend them. Messages are never changed or
 * removed once stored, so a run without a gap stays true for every sequence number it covers; only newer messages can
 * appear, and a reader asks the store for those before trusting the run with the newest page.
 * <p>
 * A run is made only from a page without a gap: a sequence number missing in the middle may be a send still being
 * stored (a batch's inserts become visible one by one) or one given back for good; either way the store must answer.
 */
public record SeqRun(long newestSeq, int size, boolean reachesFirst) {

    /** Where a page starts among the run's messages (counted from the newest), how many, and whether older ones exist. */
    public record Slice(int from, int count, boolean more) {
    }

    /**
     * The run of a conversation's newest messages as read from the store, newest first; empty when a sequence number
     * is missing among them. Sequence numbers start at 1, so a run down to 1 holds everything before it too.
     */
    public static Optional<SeqRun> ofNewest(long[] seqsNewestFirst) {
        if (seqsNewestFirst.length == 0) {
            return Optional.of(new SeqRun(0, 0, true));
        }
        long newest = seqsNewestFirst[0];
        for (int i = 1; i < seqsNewestFirst.length; i++) {
            if (seqsNewestFirst[i] != newest - i) {
                return Optional.empty();
            }
        }
        return Optional.of(new SeqRun(newest, seqsNewestFirst.length,
                seqsNewestFirst[seqsNewestFirst.length - 1] == 1));
    }

    public long oldestSeq() {
        return newestSeq - size + 1;
    }

    /** Whether messages newer than the run could belong on the page before {@code before}: the store must be asked. */
    public boolean mayMissNewer(long before) {
        return before > newestSeq + 1;
    }

    /**
     * The run's part of the page of up to {@code limit} messages before {@code before}, newest first, with whether
     * older messages exist; empty when the run alone cannot tell (the page reaches below it). The caller has made sure
     * nothing newer than the run exists when {@link #mayMissNewer} says so.
     */
    public Optional<Slice> slice(long before, int limit) {
        long first = Math.min(before - 1, newestSeq);
        if (first < 1) {
            return Optional.of(new Slice(0, 0, false));
        }
        if (first < oldestSeq()) {
            return Optional.empty();
        }
        int from = (int) (newestSeq - first);
        int available = size - from;
        if (available > limit) {
            return Optional.of(new Slice(from, limit, true));
        }
        return reachesFirst ? Optional.of(new Slice(from, available, false)) : Optional.empty();
    }

    /**
     * The run with newer messages on top (their sequence numbers, oldest first), keeping the newest {@code capacity};
     * empty when they do not continue it without a gap.
     */
    public Optional<SeqRun> extendedBy(long[] newerOldestFirst, int capacity) {
        for (int i = 0; i < newerOldestFirst.length; i++) {
            if (newerOldestFirst[i] != newestSeq + 1 + i) {
                return Optional.empty();
            }
        }
        int total = size + newerOldestFirst.length;
        int kept = Math.min(total, capacity);
        return Optional.of(new SeqRun(newestSeq + newerOldestFirst.length, kept, reachesFirst && kept == total));
    }
}
