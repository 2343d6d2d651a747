package io.consulta.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Refuses to start when a port the stack needs is taken, naming the port and what needed it. */
final class Ports {

    private Ports() {
    }

    static void requireFree(Map<String, Integer> portsByComponent) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        portsByComponent.forEach((component, port) -> {
            if (!isFree(port)) {
                taken.put(component, port);
            }
        });
        if (!taken.isEmpty()) {
            StringBuilder message = new StringBuilder("Cannot start: ");
            taken.forEach((component, port) -> message.append("port ").append(port).append(" (").append(component)
                    .append(") is already in use; "));
            message.append("stop whatever holds it (e.g. another ./consulta start: `ss -ltnp | grep <port>`) and retry.");
            throw new StackException(message.toString());
        }
    }

    static boolean isFree(int port) {
        if (Probes.isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
