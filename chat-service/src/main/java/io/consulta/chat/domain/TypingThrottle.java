package io.consulta.chat.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Typing indicators are only a hint: forward at most one per conversation in each interval and drop the rest quietly.
 * One per connection; not thread-safe (a connection's frames are handled one at a time).
 */
public final class TypingThrottle {

    private static final int MAX_TRACKED = 256;

    private final long intervalNanos;
    private final Map<String, Long> lastForwarded = new HashMap<>();

    public TypingThrottle(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Whether this typing indicator should be forwarded. */
    public boolean allow(String conversationId, long nowNanos) {
        Long last = lastForwarded.get(conversationId);
        if (last != null && nowNanos - last < intervalNanos) {
            return false;
        }
        if (lastForwarded.size() >= MAX_TRACKED) {
            lastForwarded.clear();
        }
        lastForwarded.put(conversationId, nowNanos);
        return true;
    }
}
