package io.consulta.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real single-node KRaft Kafka (broker and controller in one process) from the Maven-resolved jars. */
public final class Kafka {

    private Kafka() {
    }

    public static ManagedProcess node(int port, int controllerPort, Path dataDir, Path logFile, String heap) {
        Path logDirs = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, port, controllerPort, logDirs);
        formatOnce(config, logDirs, logFile);
        List<String> command = ChildJvm.command(
                List.of(heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info"),
                "kafka.Kafka", List.of(config.toString()));
        return new ManagedProcess("kafka", "localhost:" + port, command, Map.of(), dataDir, logFile, Probes.tcp(port));
    }

    private static void writeConfig(Path config, int port, int controllerPort, Path logDirs) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new StackException("cannot write " + config + ": " + e.getMessage(), e);
        }
    }

    /** Formats the storage on first use; a restart keeps topics and offsets. */
    private static void formatOnce(Path config, Path logDirs, Path logFile) {
        if (Files.exists(logDirs.resolve("meta.properties"))) {
            return;
        }
        List<String> command = ChildJvm.command(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"),
                "kafka.tools.StorageTool", List.of("format", "--cluster-id=" + newClusterId(), "--config=" + config));
        try {
            Files.createDirectories(logFile.getParent());
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException("formatting Kafka storage failed; see " + logFile + ":\n" + Logs.tail(logFile, 15));
            }
        } catch (IOException e) {
            throw new StackException("cannot format Kafka storage: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage", e);
        }
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding, never starting with '-'. */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
