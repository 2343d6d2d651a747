package io.consulta.chat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.domain.ChatLimits;
import io.consulta.chat.domain.ErrorCodes;
import io.consulta.chat.domain.FrameRejected;
import io.consulta.chat.domain.MessageDraft;
import io.consulta.chat.service.Messaging;
import io.consulta.chat.service.PresenceTracker;
import io.consulta.chat.service.SendPipeline;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.WebSocketSecurity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The chat socket. The bearer token comes in the {@code Authorization} header or, for browsers that cannot set
 * headers, as the sub-protocol {@code quarkus-http-upgrade#Authorization#Bearer <token>} next to
 * {@code bearer-token-carrier}. The upgrade itself requires a valid token (HTTP permission {@code chat-socket} in
 * application.properties), so every socket has a user and its frames need no further check per frame. When the token
 * expires the server closes the socket with 1008 "Authentication expired"; an {@code auth} frame with a fresh token
 * of the same user extends it. A bad frame is answered with an {@code error} frame and the socket stays open.
 */
@WebSocket(path = "/ws/chat")
@RequiredArgsConstructor
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    /** WebSocket close code 1008: the socket broke a rule (too many sockets, a disabled account). */
    static final int POLICY_VIOLATION = 1008;
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    private final SessionRegistry sessions;
    private final Messaging messaging;
    private final SendPipeline pipeline;
    private final PresenceTracker presence;
    private final Frames frames;
    private final ObjectMapper json;
    private final ChatLimits limits;
    private final SecurityIdentity identity;
    private final WebSocketSecurity security;

    @OnOpen
    @Blocking
    public void onOpen(WebSocketConnection connection) {
        String userId = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        ChatSession session = new ChatSession(connection, userId, limits);
        if (sessions.of(userId).size() >= limits.socketsPerUser()) {
            session.close(POLICY_VIOLATION, "Too many open sockets: at most " + limits.socketsPerUser() + " per user");
            return;
        }
        boolean first = sessions.add(session);
        session.send(frames.hello(userId, limits.maxTextLength(), limits.framesPerSecond()));
        presence.opened(session, first);
    }

    /**
     * Runs on the socket's event loop: parsing, limits and validation are cheap; a send is queued for the
     * {@link SendPipeline}; frames that read the database run on a worker thread, one at a time per socket.
     */
    @OnTextMessage
    public Uni<Void> onText(String text, WebSocketConnection connection) {
        ChatSession session = sessions.byConnection(connection.id());
        if (session == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode frame = null;
        try {
            if (!session.takeFrame()) {
                throw new FrameRejected(ErrorCodes.RATE_LIMITED, "Too many frames: at most "
                        + limits.framesPerSecond() + " per second; this one was dropped");
            }
            frame = parse(text);
            String type = frame.get("type").asText();
            switch (type) {
                case "send" -> pipeline.submit(session, draft(frame));
                case "auth" -> refresh(session, frame);
                case "read", "typing", "resume" -> {
                    JsonNode parsed = frame;
                    return Uni.createFrom().<Void>item(() -> {
                        handle(session, type, parsed);
                        return null;
                    }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                }
                default -> throw new FrameRejected(ErrorCodes.UNKNOWN_TYPE,
                        "Unknown frame type '" + type + "'; expected send, read, typing, resume or auth");
            }
        } catch (RuntimeException failure) {
            answerFailure(session, frame, failure);
        }
        return Uni.createFrom().voidItem();
    }

    private void handle(ChatSession session, String type, JsonNode frame) {
        try {
            switch (type) {
                case "read" -> messaging.read(session, FrameFields.id(frame, "conversationId"),
                        FrameFields.seq(frame, "seq", 0));
                case "typing" -> messaging.typing(session, FrameFields.id(frame, "conversationId"));
                default -> messaging.resume(session, FrameFields.id(frame, "conversationId"),
                        FrameFields.seq(frame, "lastSeq", 0));
            }
        } catch (RuntimeException failure) {
            answerFailure(session, frame, failure);
        }
    }

    /** Checks a send frame; the message is then stored by the {@link SendPipeline}. */
    private MessageDraft draft(JsonNode frame) {
        return MessageDraft.of(FrameFields.id(frame, "conversationId"), FrameFields.id(frame, "clientMessageId"),
                FrameFields.optionalText(frame, "text"), FrameFields.ids(frame, "mediaIds"), limits);
    }

    /** A refused frame gets its reason; anything else is logged and answered as an internal error. */
    private void answerFailure(ChatSession session, JsonNode frame, RuntimeException failure) {
        if (failure instanceof FrameRejected rejected) {
            session.send(frames.error(rejected.code(), rejected.getMessage(), ref(frame)));
            return;
        }
        LOG.errorf(failure, "Frame from user %s failed", session.userId());
        session.send(frames.error(ErrorCodes.INTERNAL, "The server could not handle this frame; retry it", ref(frame)));
    }

    @OnBinaryMessage
    public String onBinary(Buffer ignored) {
        return frames.error(ErrorCodes.BAD_FRAME, "Binary frames are not supported: send JSON text frames", null);
    }

    @OnClose
    @Blocking
    public void onClose(WebSocketConnection connection) {
        ChatSession session = sessions.byConnection(connection.id());
        if (session != null) {
            boolean last = sessions.remove(session);
            presence.closed(session, last);
        }
    }

    @OnError
    public String onError(Throwable failure) {
        LOG.debugf("Chat socket failure: %s", failure.getMessage());
        return frames.error(ErrorCodes.BAD_FRAME, "The frame could not be read", null);
    }

    /** A fresh token of the same user keeps the socket open past the old token's expiry. */
    private void refresh(ChatSession session, JsonNode frame) {
        String token = FrameFields.optionalText(frame, "token");
        if (token == null || token.isBlank()) {
            throw FrameRejected.invalid("token: required");
        }
        security.updateSecurityIdentity(token).whenComplete((updated, failure) -> {
            if (failure != null) {
                session.send(frames.error(ErrorCodes.UNAUTHORIZED,
                        "The token was not accepted; the socket closes when the current one expires", "auth"));
            } else {
                Long expires = updated.getAttribute(EXPIRE_TIME);
                session.send(frames.auth(expires == null ? null : Instant.ofEpochSecond(expires)));
            }
        });
    }

    private JsonNode parse(String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameRejected(ErrorCodes.BAD_FRAME, "Not a JSON object");
        }
        if (frame == null || !frame.isObject()) {
            throw new FrameRejected(ErrorCodes.BAD_FRAME, "Not a JSON object");
        }
        if (!frame.path("type").isTextual()) {
            throw new FrameRejected(ErrorCodes.BAD_FRAME, "type: required, a string");
        }
        return frame;
    }

    /** What the error is about, so a client can match it to what it sent. */
    private static String ref(JsonNode frame) {
        if (frame == null) {
            return null;
        }
        if (frame.path("clientMessageId").isTextual()) {
            return frame.get("clientMessageId").asText();
        }
        return frame.path("type").isTextual() ? frame.get("type").asText() : null;
    }
}
