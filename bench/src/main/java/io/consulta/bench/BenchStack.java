package io.consulta.bench;

import io.consulta.localstack.ChildJvm;
import io.consulta.localstack.Kafka;
import io.consulta.localstack.Keycloak;
import io.consulta.localstack.ManagedProcess;
import io.consulta.localstack.Mongo;
import io.consulta.localstack.Probes;
import io.consulta.localstack.ServiceSpec;
import io.consulta.localstack.Stack;
import io.consulta.localstack.StackConfig;
import io.consulta.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pieces a benchmark measures, started with local-stack's own launchers (the MongoDB-protocol server, Kafka and
 * Keycloak child processes; each service from its production build, {@code target/quarkus-app}, with a deploy/ pod's
 * JVM options and the stack's environment variables), but on free ports and with a data folder of its own, so a benchmark neither
 * needs nor disturbs a running {@code ./consulta start} or e2e run. MongoDB runs in memory, or — {@link #startLocal} —
 * on disk with the local stack's own settings. What is not started is pointed at a closed port, so a service never
 * talks to another stack's broker or identity server by accident. {@link #close()} (also on Ctrl-C) stops everything
 * it started.
 */
public final class BenchStack implements AutoCloseable {

    /** Optional infrastructure; MongoDB always runs. */
    public enum Extra { KAFKA, KEYCLOAK }

    /** Generous: mongo-java-server's H2 backend as it ships read a 2.6 GB store for minutes before it listened. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    /**
     * What the JVM picks inside a deploy/ pod (limits 1 CPU and 512 MiB, JAVA_OPTS MaxRAMPercentage=60,
     * InitialRAMPercentage=30 and NewRatio=1): services are measured as they run in production, not with the laptop-sized heap
     * local-stack gives them. {@code CONSULTA_SERVICE_JAVA_OPTS} overrides it (e.g. to add a flight recording).
     */
    private static final String POD_JVM_OPTIONS = "-Xms154m -Xmx307m -XX:NewRatio=1 -XX:+UseSerialGC";
    /**
     * The in-memory MongoDB holds everything a benchmark writes (the chat benchmark: ≈ 700,000 messages, 1–1.5 GB of
     * live documents by its last step). With the local stack's 1 GB its collector ran almost without pause and the
     * database, not the service, set the saturation point; production runs a real MongoDB that keeps data on disk.
     */
    private static final String BENCH_MONGO_HEAP = "4g";
    /** The H2 store flushes what it holds in memory when it stops; cutting that short loses data. */
    private static final Duration MONGO_STOP_GRACE = Duration.ofMinutes(2);

    private final StackConfig stackConfig;
    private final Path dataDir;
    private final Map<String, String> infrastructureEnvironment = new HashMap<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Map<String, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread stopOnExit = new Thread(this::close, "bench-stack-shutdown");
    private final String mongoUri;
    /** As {@code ./consulta start} runs: MongoDB on disk with the stack's heap, services with the stack's JVM options. */
    private final boolean localStack;
    private volatile boolean closed;

    private BenchStack(Path root, String benchName, boolean localStack) {
        this.stackConfig = StackConfig.local(root);
        this.dataDir = root.resolve("bench/target/stack").resolve(benchName);
        this.mongoUri = "mongodb://localhost:" + freePort();
        this.localStack = localStack;
    }

    /** Starts MongoDB (in memory) and the requested extras, and waits until they accept connections. */
    public static BenchStack start(String benchName, Set<Extra> extras) {
        return start(benchName, extras, false, null);
    }

    /**
     * Starts the pieces as {@code ./consulta start} runs them — MongoDB keeping its data in an H2 file with the local
     * stack's JVM options, services with the stack's (not a pod's) JVM options — on free ports. The store begins as a
     * copy of {@code seededStore} when given (the original is never written), else empty.
     */
    public static BenchStack startLocal(String benchName, Set<Extra> extras, Path seededStore) {
        return start(benchName, extras, true, seededStore);
    }

    private static BenchStack start(String benchName, Set<Extra> extras, boolean localStack, Path seededStore) {
        Path root = Path.of(System.getProperty("consulta.root", ".")).toAbsolutePath().normalize();
        BenchStack stack = new BenchStack(root, benchName, localStack);
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.boot(extras, seededStore);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The H2 file MongoDB keeps its data in ({@link #startLocal} only). */
    public Path mongoStore() {
        return dataDir.resolve("mongodb/consulta.mv");
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** Kafka's bootstrap address (started with {@link Extra#KAFKA}), for benchmarks that publish other services' events. */
    public String kafkaBootstrap() {
        return infrastructureEnvironment.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    public Path dataDir() {
        return dataDir;
    }

    private void boot(Set<Extra> extras, Path seededStore) {
        wipe(dataDir);
        Path logs = dataDir.resolve("logs");
        int mongoPort = Integer.parseInt(mongoUri.substring(mongoUri.lastIndexOf(':') + 1));
        List<ManagedProcess> infrastructure = new ArrayList<>();
        if (localStack) {
            copySeed(seededStore);
            // the same overload Stack uses for ./consulta start: its heap and collector
            infrastructure.add(Mongo.node(mongoPort, mongoStore(), dataDir.resolve("mongodb"), logs.resolve("mongodb.log")));
        } else {
            infrastructure.add(Mongo.node(mongoPort, null, dataDir.resolve("mongodb"), logs.resolve("mongodb.log"),
                    Mongo.jvmOptions(BENCH_MONGO_HEAP)));
        }
        infrastructureEnvironment.put("MONGODB_URI", mongoUri);

        int kafkaPort = freePort();
        if (extras.contains(Extra.KAFKA)) {
            infrastructure.add(Kafka.node(kafkaPort, freePort(), dataDir.resolve("kafka"), logs.resolve("kafka.log"),
                    "-Xmx384m"));
        }
        infrastructureEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort);

        int keycloakPort = freePort();
        if (extras.contains(Extra.KEYCLOAK)) {
            infrastructure.add(Keycloak.node(stackConfig.root(), keycloakPort, dataDir.resolve("keycloak"),
                    logs.resolve("keycloak.log")));
        }
        infrastructureEnvironment.put("OIDC_AUTH_SERVER_URL", Keycloak.issuer(keycloakPort));
        infrastructureEnvironment.put("KEYCLOAK_URL", "http://localhost:" + keycloakPort);

        for (ManagedProcess process : infrastructure) {
            processes.add(process);
            process.start();
        }
        for (ManagedProcess process : infrastructure) {
            process.awaitReady(READY_TIMEOUT);
        }
    }

    /** URL of Keycloak's realm issuer (tokens for the demo users), when started with {@link Extra#KEYCLOAK}. */
    public String keycloakIssuer() {
        return infrastructureEnvironment.get("OIDC_AUTH_SERVER_URL");
    }

    /**
     * Starts one service from its production build on a free port, with the stack's environment plus {@code extra}
     * (e.g. {@code QUARKUS_LOG_LEVEL}), waits until {@code /q/health/ready} answers 200 on its management port and returns its base URL.
     */
    public String startService(String name, Map<String, String> extra) {
        return startService(name, extra, List.of());
    }

    /**
     * As {@link #startService(String, Map)}, with JVM options after the pod-sized ones, as a service's manifest adds
     * them through JAVA_OPTS_APPEND (the later option wins).
     */
    public String startService(String name, Map<String, String> extra, List<String> javaOptsAppend) {
        ServiceSpec spec = new ServiceSpec(name, freePort());
        Path jar = spec.jar(stackConfig.root());
        requireFreshBuild(name, jar);
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        String jvmOptions = localStack ? stackConfig.serviceJvmOptions() : StackConfig.serviceJvmOptionsOr(POD_JVM_OPTIONS);
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.addAll(javaOptsAppend);
        command.add("-Dquarkus.http.port=" + spec.port());
        int managementPort = freePort();
        managementPorts.put(name, managementPort);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> environment = new HashMap<>(stackConfig.environmentFor(spec));
        environment.putAll(infrastructureEnvironment);
        environment.putAll(extra);
        ManagedProcess service = new ManagedProcess(name, spec.url(), command, environment,
                dataDir.resolve("work").resolve(name), dataDir.resolve("logs").resolve(name + ".log"),
                Probes.http("http://localhost:" + managementPort + "/q/health/ready"));
        processes.add(service);
        service.start();
        service.awaitReady(READY_TIMEOUT);
        return spec.url();
    }

    /**
     * A service's environment to trust the bench's own signed tokens ({@link TestTokens}) instead of Keycloak's: the
     * bench profile differs from prod only in the Keycloak URL, which bench tokens replace.
     */
    public static final Map<String, String> TRUST_BENCH_TOKENS = Map.of(
            "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64(),
            "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER,
            "QUARKUS_PROFILE", "bench");

    /** {@link #startService(String, Map, List)} with {@link #TRUST_BENCH_TOKENS}, saying when the service was ready. */
    public String startTrustingBenchTokens(String name, Map<String, String> extra, List<String> javaOptsAppend) {
        Map<String, String> environment = new HashMap<>(TRUST_BENCH_TOKENS);
        environment.putAll(extra);
        String url = startService(name, environment, javaOptsAppend);
        System.out.printf(Locale.ROOT, "%s (production build) ready in %.1f s at %s%n", name,
                process(name).readyMillis() / 1000.0, url);
        return url;
    }

    /** A started service's management interface (health, metrics), e.g. {@code http://localhost:41234}. */
    public String managementUrl(String name) {
        Integer port = managementPorts.get(name);
        if (port == null) {
            throw new IllegalArgumentException(name + " was not started");
        }
        return "http://localhost:" + port;
    }

    public ManagedProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " was not started"));
    }

    /**
     * Stops everything (services first) and starts it again on the same data and ports, as a restart of
     * {@code ./consulta start} would: the infrastructure first, then the services together once it is ready. Returns
     * the time until every process was ready again.
     */
    public synchronized Duration restart() {
        stopAll(); // services already stopped (stopServices) stay as they are until started again
        long started = System.nanoTime();
        List<ManagedProcess> services = processes.stream().filter(p -> p.name().endsWith("-service")).toList();
        List<ManagedProcess> infrastructure = processes.stream().filter(p -> !services.contains(p)).toList();
        infrastructure.forEach(ManagedProcess::start);
        infrastructure.forEach(process -> process.awaitReady(READY_TIMEOUT));
        services.forEach(ManagedProcess::start);
        services.forEach(process -> process.awaitReady(READY_TIMEOUT));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops services first, then the infrastructure (reverse start order); safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }

    /** Stops the services only (e.g. to count what they stored once nothing writes any more). */
    public synchronized void stopServices() {
        processes.reversed().stream().filter(p -> p.name().endsWith("-service"))
                .forEach(process -> process.stop(Duration.ofSeconds(15)));
    }

    private void stopAll() {
        processes.reversed().forEach(process -> process.stop(
                process.name().equals("mongodb") ? MONGO_STOP_GRACE : Duration.ofSeconds(15)));
    }

    private void copySeed(Path seededStore) {
        if (seededStore == null) {
            return;
        }
        try {
            Files.createDirectories(mongoStore().getParent());
            Files.copy(seededStore, mongoStore());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the seeded store " + seededStore, e);
        }
    }

    /** A benchmark of stale code measures nothing: refuse when sources are newer than the build. */
    private void requireFreshBuild(String name, Path jar) {
        Path app = jar.getParent().resolve("app");
        if (!Files.exists(jar) || !Files.isDirectory(app)) {
            throw new IllegalStateException(name + " is not built (" + jar + " is missing): run "
                    + "./mvnw -o -q install -DskipTests -pl " + name);
        }
        FileTime built = newest(app);
        FileTime sources = newest(stackConfig.root().resolve(name).resolve("src/main"));
        if (sources.compareTo(built) > 0) {
            throw new IllegalStateException(name + " sources changed after its build: run "
                    + "./mvnw -o -q install -DskipTests -pl " + name + " (or ./consulta build) first");
        }
    }

    private static FileTime newest(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(BenchStack::modified).max(FileTime::compareTo)
                    .orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wipe(Path dir) {
        try {
            Stack.deleteRecursively(dir);
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
