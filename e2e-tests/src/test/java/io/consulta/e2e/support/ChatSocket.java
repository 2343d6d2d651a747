package io.consulta.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.testing.ReceivedFrames;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A device on chat-service's /ws/chat (JDK WebSocket client): keeps every frame it receives; a journey waits for the
 * frames it expects.
 */
public final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReceivedFrames frames = new ReceivedFrames(WAIT);
    private final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private ChatSocket() {
    }

    /** As a native app connects: bearer token in the Authorization header. */
    public static ChatSocket connect(String token) {
        return connect(token, Services.url("chat-service"));
    }

    /** The same, to one chat-service instance of several ({@code baseUrl} http://host:port). */
    public static ChatSocket connect(String token, String baseUrl) {
        return open(baseUrl, builder -> builder.header("Authorization", "Bearer " + token));
    }

    /** As a browser connects: it cannot set headers, so the token rides in Sec-WebSocket-Protocol. */
    public static ChatSocket connectLikeABrowser(String token) {
        String carrier = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        return open(Services.url("chat-service"), builder -> builder.subprotocols("bearer-token-carrier", carrier));
    }

    private static ChatSocket open(String baseUrl, java.util.function.UnaryOperator<WebSocket.Builder> auth) {
        ChatSocket device = new ChatSocket();
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + "/ws/chat");
        try {
            device.socket = auth.apply(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)))
                    .buildAsync(uri, device).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the chat socket: " + e, e);
        }
        device.await("hello");
        return device;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(Map<String, ?> frame) {
        try {
            socket.sendText(JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + frame, e);
        }
    }

    public JsonNode await(String type) {
        return frames.await(type);
    }

    /** The first received frame that matches and was not taken before; waits up to 30 s for it. */
    public JsonNode await(Predicate<JsonNode> matches) {
        return frames.await(matches);
    }

    /** Every received frame of {@code type} not taken before, in arrival order; takes them. */
    public List<JsonNode> takeAll(String type) {
        return frames.takeAll(type);
    }

    /** Waits for the server to close the socket; returns its close code. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket is still open after " + timeout);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(partial.toString());
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "journey done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
