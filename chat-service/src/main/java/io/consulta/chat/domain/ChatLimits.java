package io.consulta.chat.domain;

import java.time.Duration;

/**
 * What one connection may do. Message text is capped (a chat is not a document store), frames are rate-limited per
 * connection (a stuck client or a script cannot flood the service), and typing indicators are thinned out.
 *
 * @param maxTextLength   characters (code points) of a message's text
 * @param maxMediaIds     attachments per message
 * @param framesPerSecond sustained frames per second per connection
 * @param frameBurst      frames a connection may send at once before the sustained rate applies
 * @param typingInterval  at most one typing indicator per conversation and connection in this interval
 * @param resumeBatch     messages sent back for one resume frame; the client resumes again for more
 * @param socketsPerUser  sockets one user may hold open on a replica (phones, tablets, browser tabs)
 */
public record ChatLimits(int maxTextLength, int maxMediaIds, double framesPerSecond, int frameBurst,
                         Duration typingInterval, int resumeBatch, int socketsPerUser) {

    public static final int MAX_ID_LENGTH = 64;

    public ChatLimits {
        if (maxTextLength < 1 || maxMediaIds < 0 || framesPerSecond <= 0 || frameBurst < 1 || resumeBatch < 1
                || socketsPerUser < 1) {
            throw new IllegalArgumentException("chat limits must be positive");
        }
    }

    public static ChatLimits defaults() {
        return new ChatLimits(4000, 10, 20, 40, Duration.ofSeconds(2), 200, 10);
    }
}
