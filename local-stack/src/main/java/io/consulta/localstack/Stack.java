package io.consulta.localstack;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole system on one machine: MongoDB-protocol server, Kafka and Keycloak first, then the services once the
 * database and broker accept connections (they reach Keycloak lazily, so its slower start overlaps theirs).
 * {@link #close()} stops every process it started, services first.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final List<ManagedProcess> infrastructure = new ArrayList<>();
    private final List<ManagedProcess> services = new ArrayList<>();
    private volatile boolean closed;

    public static Stack start(StackConfig config, Consumer<StackEvent> events) {
        Stack stack = new Stack(config);
        try {
            stack.boot(events);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public List<ManagedProcess> components() {
        return Stream.concat(infrastructure.stream(), services.stream()).toList();
    }

    public StackConfig config() {
        return config;
    }

    /** Any process of the stack by name: "mongodb", "kafka", "keycloak", "mail inbox" or a service. */
    public ManagedProcess component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name + " in this stack"));
    }

    /**
     * Starts one more instance of a service on another port (e.g. a second chat-service replica behind a load
     * balancer) and waits until it is ready; {@link #close()} stops it with the others.
     */
    public synchronized ManagedProcess startReplica(ServiceSpec spec, Duration timeout) {
        Path logs = config.dataDir().resolve("logs");
        ManagedProcess replica = spec.process(config.root(), config.dataDir(),
                logs.resolve(spec.name() + "-" + spec.port() + ".log"), config.environmentFor(spec),
                config.serviceJvmOptions(), config.persistent());
        services.add(replica);
        replica.start();
        replica.awaitReady(timeout);
        return replica;
    }

    public ManagedProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in this stack"));
    }

    private void boot(Consumer<StackEvent> events) {
        Ports.requireFree(ports());
        Path dataDir = prepareDataDir();
        Path logs = dataDir.resolve("logs");
        ManagedProcess mongo = Mongo.node(StackConfig.MONGO_PORT,
                config.persistent() ? dataDir.resolve("mongodb/consulta.mv") : null, dataDir.resolve("mongodb"),
                logs.resolve("mongodb.log"));
        ManagedProcess keycloak = Keycloak.node(config.root(), StackConfig.KEYCLOAK_PORT, dataDir.resolve("keycloak"),
                logs.resolve("keycloak.log"));
        ManagedProcess kafka = Kafka.node(StackConfig.KAFKA_PORT, StackConfig.KAFKA_CONTROLLER_PORT,
                dataDir.resolve("kafka"), logs.resolve("kafka.log"), "-Xmx384m");
        ManagedProcess inbox = Inbox.node(StackConfig.SMTP_PORT, StackConfig.INBOX_PORT, dataDir.resolve("mail"),
                logs.resolve("mail.log"));
        infrastructure.addAll(List.of(inbox, mongo, kafka, keycloak));
        for (ServiceSpec spec : config.services()) {
            services.add(spec.process(config.root(), dataDir, logs.resolve(spec.name() + ".log"),
                    config.environmentFor(spec), config.serviceJvmOptions(), config.persistent()));
        }
        infrastructure.forEach(process -> {
            process.start();
            events.accept(StackEvent.starting(process));
        });
        awaitReady(mongo, kafka, events);
    }

    private void awaitReady(ManagedProcess mongo, ManagedProcess kafka, Consumer<StackEvent> events) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        boolean servicesStarted = false;
        long lastWaitingReport = System.nanoTime();
        while (true) {
            boolean allReady = true;
            for (ManagedProcess process : components()) {
                if (process.state() == Component.State.WAITING) {
                    allReady = false;
                    continue;
                }
                boolean wasReady = process.state() == Component.State.READY;
                if (process.poll()) {
                    if (!wasReady) {
                        events.accept(StackEvent.ready(process));
                    }
                } else {
                    allReady = false;
                }
            }
            if (!servicesStarted && mongo.state() == Component.State.READY && kafka.state() == Component.State.READY) {
                services.forEach(process -> {
                    process.start();
                    events.accept(StackEvent.starting(process));
                });
                servicesStarted = true;
                continue;
            }
            if (servicesStarted && allReady) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String waiting = String.join(", ", components().stream()
                        .filter(p -> p.state() != Component.State.READY).map(ManagedProcess::name).toList());
                throw new StackException("Not ready after " + config.timeout().toSeconds() + " s: " + waiting
                        + ". Logs are in " + config.dataDir().resolve("logs"));
            }
            if (System.nanoTime() - lastWaitingReport > Duration.ofSeconds(3).toNanos()) {
                events.accept(StackEvent.waiting(components()));
                lastWaitingReport = System.nanoTime();
            }
            ManagedProcess.sleep(150);
        }
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("mongodb", StackConfig.MONGO_PORT);
        ports.put("kafka", StackConfig.KAFKA_PORT);
        ports.put("kafka controller", StackConfig.KAFKA_CONTROLLER_PORT);
        ports.put("keycloak", StackConfig.KEYCLOAK_PORT);
        ports.put("mail inbox (SMTP)", StackConfig.SMTP_PORT);
        ports.put("mail inbox (messages)", StackConfig.INBOX_PORT);
        config.services().forEach(spec -> {
            ports.put(spec.name(), spec.port());
            ports.put(spec.name() + " management", spec.managementPort());
        });
        return ports;
    }

    private Path prepareDataDir() {
        Path dataDir = config.dataDir();
        try {
            if (!config.persistent()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.resolve("logs"));
            Files.createDirectories(dataDir.resolve("cds"));
            return dataDir;
        } catch (IOException e) {
            throw new StackException("cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** True from the moment {@link #close()} begins. */
    public boolean isStopping() {
        return closed;
    }

    /** Stops services first (in parallel), then Keycloak, Kafka and MongoDB, within {@link Shutdown#BUDGET}; safe to call twice. */
    @Override
    public void close() {
        close(message -> { });
    }

    public synchronized void close(Consumer<String> progress) {
        if (closed) {
            return;
        }
        closed = true;
        Shutdown.stop(services, infrastructure, progress);
    }
}
