package io.consulta.testing;

import io.consulta.localstack.Kafka;
import io.consulta.localstack.ManagedProcess;
import io.consulta.localstack.Stack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real single-node KRaft Kafka broker in a child JVM on free ports, for one test run. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private ManagedProcess broker;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("consulta-kafka-");
            int port = freePort();
            int controllerPort = freePort();
            broker = Kafka.node(port, controllerPort, dataDir, dataDir.resolve("kafka.log"), "-Xmx256m");
            broker.start();
            broker.awaitReady(Duration.ofSeconds(90));
            return Map.of("kafka.bootstrap.servers", "localhost:" + port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(10));
        }
        try {
            Stack.deleteRecursively(dataDir);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
