package io.consulta.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void aTakenPortIsNamedWithWhatNeededIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(Map.of("keycloak", port)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port + " (keycloak) is already in use");
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int free = port;
        assertThatCode(() -> Ports.requireFree(Map.of("kafka", free))).doesNotThrowAnyException();
    }
}
