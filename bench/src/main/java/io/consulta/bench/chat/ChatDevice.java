package io.consulta.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One connected device of one user: a JDK WebSocket on /ws/chat with the token in the Authorization header. Sends are
 * chained (the JDK client allows one outstanding send per socket); every complete text frame goes to {@code onFrame}.
 */
final class ChatDevice implements WebSocket.Listener {

    private final Consumer<String> onFrame;
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<WebSocket> tail;
    private WebSocket socket;

    private ChatDevice(Consumer<String> onFrame) {
        this.onFrame = onFrame;
    }

    static ChatDevice connect(HttpClient http, URI uri, String token, Consumer<String> onFrame) throws Exception {
        ChatDevice device = new ChatDevice(onFrame);
        device.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, device).get(20, TimeUnit.SECONDS);
        device.tail = CompletableFuture.completedFuture(device.socket);
        return device;
    }

    /** Queues a frame behind the previous ones; never blocks the caller. */
    synchronized void send(String frame) {
        tail = tail.thenCompose(ws -> ws.sendText(frame, true));
    }

    void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            socket.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.isEmpty()) {
            onFrame.accept(data.toString());
        } else {
            partial.append(data);
            if (last) {
                onFrame.accept(partial.toString());
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }
}
