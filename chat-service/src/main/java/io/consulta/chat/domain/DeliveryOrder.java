package io.consulta.chat.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands messages to the sink in sequence order per conversation. Two sends in one conversation can be stored in one
 * order and reach this replica in the other (parallel workers, two replicas); a message that arrives ahead of a gap is
 * held until the gap fills, or at most {@code maxHold} — a sequence number can be skipped for good when a send failed
 * after it was allocated, and a live chat must not stall on it. Messages older than what was already passed on are
 * passed on at once (clients order by sequence number and drop repeats).
 * <p>
 * The sink is called while the conversation's lane is locked, so it must not block: it queues frames to sockets.
 */
public final class DeliveryOrder<T> {

    private final long maxHoldNanos;
    private final long idleNanos;
    private final Consumer<T> sink;
    private final Map<String, Lane<T>> lanes = new ConcurrentHashMap<>();

    public DeliveryOrder(java.time.Duration maxHold, java.time.Duration idle, Consumer<T> sink) {
        this.maxHoldNanos = maxHold.toNanos();
        this.idleNanos = idle.toNanos();
        this.sink = sink;
    }

    public void offer(String conversationId, long seq, T item, long nowNanos) {
        while (true) {
            Lane<T> lane = lanes.computeIfAbsent(conversationId, id -> new Lane<>());
            synchronized (lane) {
                if (lane.retired) {
                    continue;
                }
                lane.touched = nowNanos;
                if (lane.next < 0 || seq == lane.next) {
                    pass(item);
                    lane.next = seq + 1;
                    drain(lane);
                } else if (seq < lane.next) {
                    pass(item);
                } else {
                    lane.pending.putIfAbsent(seq, new Held<>(item, nowNanos));
                }
                return;
            }
        }
    }

    /** A sequence number that will never be delivered (its message was not stored): later ones need not wait for it. */
    public void skip(String conversationId, long seq, long nowNanos) {
        offer(conversationId, seq, null, nowNanos);
    }

    /** Releases messages held longer than {@code maxHold}, skipping their gaps; forgets idle conversations. */
    public void expire(long nowNanos) {
        lanes.forEach((conversationId, lane) -> {
            synchronized (lane) {
                if (!lane.pending.isEmpty()) {
                    long oldest = lane.pending.values().stream().mapToLong(Held::since).min().orElse(nowNanos);
                    if (nowNanos - oldest >= maxHoldNanos) {
                        lane.next = lane.pending.firstKey();
                        drain(lane);
                    }
                } else if (nowNanos - lane.touched >= idleNanos) {
                    lane.retired = true;
                    lanes.remove(conversationId, lane);
                }
            }
        });
    }

    /** Conversations with messages waiting for a gap to fill (for metrics and tests). */
    public int held() {
        return lanes.values().stream().mapToInt(lane -> {
            synchronized (lane) {
                return lane.pending.size();
            }
        }).sum();
    }

    private void drain(Lane<T> lane) {
        Held<T> held;
        while ((held = lane.pending.remove(lane.next)) != null) {
            pass(held.item());
            lane.next++;
        }
        // a hold that was skipped past may still sit below next: pass it on rather than keep it forever
        while (!lane.pending.isEmpty() && lane.pending.firstKey() < lane.next) {
            pass(lane.pending.pollFirstEntry().getValue().item());
        }
    }

    /** A skipped sequence number has no item. */
    private void pass(T item) {
        if (item != null) {
            sink.accept(item);
        }
    }

    private static final class Lane<T> {
        long next = -1;
        long touched;
        boolean retired;
        final TreeMap<Long, Held<T>> pending = new TreeMap<>();
    }

    private record Held<T>(T item, long since) {
    }
}
