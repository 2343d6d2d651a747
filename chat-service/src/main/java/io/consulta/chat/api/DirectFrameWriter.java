package io.consulta.chat.api;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import org.jboss.logging.Logger;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes text frames straight to the connection's Vert.x socket. websockets-next's {@code sendText} wraps every frame
 * in a lazy Uni, a context-propagating CompletionStage and a completion listener: with an ack and a delivery per
 * message that was a tenth of the service's CPU. The socket is reached through a method websockets-next does not make
 * public, so when a Quarkus upgrade removes it every frame goes through {@code sendText} again — slower, not broken.
 */
final class DirectFrameWriter {

    private static final Logger LOG = Logger.getLogger(DirectFrameWriter.class);
    private static final MethodHandle WEB_SOCKET = find();
    private static final AtomicBoolean INVOKE_FAILURE_LOGGED = new AtomicBoolean();

    private DirectFrameWriter() {
    }

    /** Whether frames bypass sendText in this Quarkus version. */
    static boolean available() {
        return WEB_SOCKET != null;
    }

    /** The connection's socket, or null if it cannot be reached (then use {@code sendText}). */
    static WebSocketBase socketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null) {
            return null;
        }
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (Throwable e) {
            if (INVOKE_FAILURE_LOGGED.compareAndSet(false, true)) {
                LOG.warnf("Frames go through websockets-next sendText, slower: the connection's socket cannot be "
                        + "reached (%s: %s); logged once", e.getClass().getSimpleName(), e.getMessage());
            }
            return null;
        }
    }

    private static MethodHandle find() {
        try {
            Class<?> base = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase");
            var method = base.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, WebSocketConnection.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Frames go through websockets-next sendText, slower: its connection's socket is not reachable "
                    + "in this Quarkus version (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
            return null;
        }
    }
}
