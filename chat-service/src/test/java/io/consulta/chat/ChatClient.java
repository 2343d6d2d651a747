package io.consulta.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.testing.ReceivedFrames;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real WebSocket client (Vert.x) for /ws/chat, as a device of one user: it keeps every frame it receives, and
 * tests wait for the frames they expect.
 */
public final class ChatClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpClient HTTP = VERTX.createHttpClient();

    private final WebSocket socket;
    private final ReceivedFrames received = new ReceivedFrames(WAIT);
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private ChatClient(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(received::add);
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode()));
    }

    /** Connects with {@code Authorization: Bearer <token>}, as a non-browser client does. */
    public static ChatClient connect(int port, String token) {
        return open(options(port).addHeader("Authorization", "Bearer " + token));
    }

    /** Connects the way a browser does: the token rides in Sec-WebSocket-Protocol. */
    public static ChatClient connectWithSubprotocol(int port, String token) {
        String carrier = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        return open(options(port).setSubProtocols(List.of("bearer-token-carrier", carrier)));
    }

    /** The HTTP status the server answered a refused upgrade with (e.g. 401). */
    public static int refusal(int port, String tokenOrNull) {
        WebSocketConnectOptions options = options(port);
        if (tokenOrNull != null) {
            options.addHeader("Authorization", "Bearer " + tokenOrNull);
        }
        try {
            ChatClient client = open(options);
            client.close();
            throw new AssertionError("the upgrade was accepted");
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
            throw e;
        }
    }

    private static WebSocketConnectOptions options(int port) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws/chat");
    }

    /** Connects without waiting for the hello frame: for sockets the server closes right away. */
    public static ChatClient connectWithoutHello(int port, String token) {
        return open(options(port).addHeader("Authorization", "Bearer " + token), false);
    }

    private static ChatClient open(WebSocketConnectOptions options) {
        return open(options, true);
    }

    private static ChatClient open(WebSocketConnectOptions options, boolean awaitHello) {
        try {
            // handlers are set on the event loop as the upgrade completes, before the first frame can arrive
            ChatClient client = HTTP.webSocket(options).map(ChatClient::new)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (awaitHello) {
                client.await("hello");
            }
            return client;
        } catch (ExecutionException e) {
            throw new IllegalStateException("WebSocket upgrade failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("WebSocket upgrade did not complete", e);
        }
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    public void send(Map<String, ?> frame) {
        try {
            sendRaw(JSON.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendRaw(String text) {
        try {
            socket.writeTextMessage(text).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send a frame", e);
        }
    }

    /** Sends a message and returns the ack. */
    public JsonNode sendMessage(String conversationId, String clientMessageId, String text) {
        send(Map.of("type", "send", "conversationId", conversationId, "clientMessageId", clientMessageId, "text", text));
        return await(f -> "ack".equals(f.path("type").asText())
                && clientMessageId.equals(f.path("clientMessageId").asText()));
    }

    /** The next frame of this type not yet taken by an await. */
    public JsonNode await(String type) {
        return received.await(type);
    }

    /** The first frame not yet taken that matches; frames before it that do not match stay available. */
    public JsonNode await(Predicate<JsonNode> matches) {
        return received.await(matches);
    }

    /** Fails if a matching frame arrives within {@code quiet}. */
    public void assertNone(Predicate<JsonNode> matches, Duration quiet) {
        received.assertNone(matches, quiet);
    }

    public void assertNone(String type, Duration quiet) {
        received.assertNone(ReceivedFrames.ofType(type), quiet);
    }

    /** Waits for the server to close the socket and returns the close code. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket still open after " + timeout);
        }
    }

    public String closeReason() {
        return socket.closeReason();
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            try {
                socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already gone
            }
        }
    }
}
