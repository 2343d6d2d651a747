package io.consulta.chat.api;

import io.consulta.chat.domain.ChatLimits;
import io.consulta.chat.domain.TypingThrottle;
import io.consulta.chat.service.Client;
import io.consulta.common.limits.TokenBucket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import org.jboss.logging.Logger;

/** One open socket of one user on this replica, with its own frame budget. */
public final class ChatSession implements Client {

    private static final Logger LOG = Logger.getLogger(ChatSession.class);

    private final WebSocketConnection connection;
    private final WebSocketBase socket;
    private final String userId;
    /** Its own bucket, not a keyed RateLimiter: one per socket, used by one frame at a time, no lookup or lock. */
    private final TokenBucket frames;
    private final TypingThrottle typing;

    public ChatSession(WebSocketConnection connection, String userId, ChatLimits limits) {
        this.connection = connection;
        this.socket = DirectFrameWriter.socketOf(connection);
        this.userId = userId;
        this.frames = new TokenBucket(limits.framesPerSecond(), limits.frameBurst(), System.nanoTime());
        this.typing = new TypingThrottle(limits.typingInterval());
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    /** Queues a frame on the socket without waiting; a socket that closed meanwhile just drops it. */
    @Override
    public void send(String frame) {
        if (connection.isClosed()) {
            return;
        }
        if (socket != null) {
            // a failed write means the socket is closing; its close handler cleans up
            socket.writeTextMessage(frame);
            return;
        }
        connection.sendText(frame).subscribe().with(ignored -> { }, failure ->
                LOG.debugf("Frame to connection %s not sent: %s", connection.id(), failure.getMessage()));
    }

    /** Whether frames go straight to the Vert.x socket ({@link DirectFrameWriter}) rather than through sendText. */
    boolean writesDirectly() {
        return socket != null;
    }

    /** Closes the socket with a WebSocket close code and a short reason the client can show. */
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ignored -> { }, failure ->
                LOG.debugf("Connection %s not closed cleanly: %s", connection.id(), failure.getMessage()));
    }

    boolean takeFrame() {
        return frames.tryTake(System.nanoTime());
    }

    @Override
    public boolean allowTyping(String conversationId) {
        return typing.allow(conversationId, System.nanoTime());
    }
}
