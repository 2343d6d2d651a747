package io.consulta.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to start and where its data lives. {@code persistent} keeps MongoDB (H2 file), Kafka and Keycloak data in
 * {@code dataDir} across restarts; otherwise the data folder is wiped first and MongoDB runs in memory.
 */
public record StackConfig(Path root, Path dataDir, boolean persistent, List<ServiceSpec> services,
                          Map<String, String> serviceEnvironment, String serviceJvmOptions, Duration timeout) {

    public static final int MONGO_PORT = 27017;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int KEYCLOAK_PORT = 8180;
    /** The local inbox: SMTP for Keycloak and the services, and its messages over HTTP (see {@link Inbox}). */
    public static final int SMTP_PORT = 3025;
    public static final int INBOX_PORT = 8025;
    public static final String AUTH_SERVICE_CLIENT_SECRET = "consulta-local-auth-service-secret";
    /** media-service's signed-link key on this machine only (base64 of "local-only-media-link-key-not-for-production"). */
    public static final String MEDIA_LINK_KEY = "bG9jYWwtb25seS1tZWRpYS1saW5rLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

    public static StackConfig local(Path root) {
        return new StackConfig(root, root.resolve(".data"), true, ServiceSpec.ALL, Map.of(), defaultJvmOptions(),
                Duration.ofMinutes(5));
    }

    /**
     * A throw-away stack for the e2e journeys: every journey signs up from this one address, so the per-address
     * sign-up limit (auth-service SignUpLimit, tested on its own) is raised.
     */
    public static StackConfig forTests(Path root, Path dataDir) {
        return new StackConfig(root, dataDir, false, ServiceSpec.ALL,
                Map.of("CONSULTA_LIMITS_SIGN_UPS_PERMITS", "1000"), defaultJvmOptions(), Duration.ofMinutes(6));
    }

    public StackConfig withServices(List<ServiceSpec> only) {
        return new StackConfig(root, dataDir, persistent, only, serviceEnvironment, serviceJvmOptions, timeout);
    }

    public StackConfig withServiceEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new java.util.HashMap<>(serviceEnvironment);
        merged.putAll(extra);
        return new StackConfig(root, dataDir, persistent, services, Map.copyOf(merged), serviceJvmOptions, timeout);
    }

    /** How every service finds the infrastructure; the same variable names as in deploy/. */
    public Map<String, String> environmentFor(ServiceSpec service) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "MONGODB_URI", "mongodb://localhost:" + MONGO_PORT,
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PORT,
                "OIDC_AUTH_SERVER_URL", Keycloak.issuer(KEYCLOAK_PORT),
                "KEYCLOAK_URL", "http://localhost:" + KEYCLOAK_PORT,
                "KEYCLOAK_REALM", Keycloak.REALM,
                "KEYCLOAK_CLIENT_ID", "auth-service",
                "KEYCLOAK_CLIENT_SECRET", AUTH_SERVICE_CLIENT_SECRET,
                "MEDIA_LINK_KEY", MEDIA_LINK_KEY));
        // e-mail goes to the local inbox, where people and tests read it
        environment.putAll(Map.of(
                "QUARKUS_MAILER_MOCK", "false",
                "QUARKUS_MAILER_HOST", "localhost",
                "QUARKUS_MAILER_PORT", Integer.toString(SMTP_PORT),
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                // GreenMail answers a pipelined DATA late enough for the Vert.x mail client to time out
                "QUARKUS_MAILER_PIPELINING", "false",
                "QUARKUS_MAILER_LOGIN", "DISABLED"));
        environment.putAll(serviceEnvironment);
        return environment;
    }

    /**
     * Small heaps and a small code cache for a stack of many JVMs on one machine. The JVM collects the whole heap
     * whenever compiled code has grown by {@code SweeperThreshold} percent of the code cache (15 by default: every 10 MB
     * of a 64 MB one); with the serial collector that stopped each service for 80-140 ms, three times in its first
     * minute under load (chat-service in issue 18's history benchmark). At 50 % (32 MB) a service's JIT never gets
     * there, and a cache that nears full is still cleaned as before.
     */
    private static String defaultJvmOptions() {
        return serviceJvmOptionsOr("-Xms32m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"
                + " -XX:SweeperThreshold=50");
    }

    /** The services' JVM options: {@code CONSULTA_SERVICE_JAVA_OPTS} when set, else {@code fallback}. */
    public static String serviceJvmOptionsOr(String fallback) {
        return jvmOptionsOr("CONSULTA_SERVICE_JAVA_OPTS", fallback);
    }

    /** JVM options from the environment variable when it is set (e.g. to add a flight recording), else {@code fallback}. */
    static String jvmOptionsOr(String variable, String fallback) {
        String fromEnvironment = System.getenv(variable);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fallback;
    }
}
