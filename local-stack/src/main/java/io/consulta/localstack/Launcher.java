package io.consulta.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./consulta start}: starts the whole system, shows progress, prints URLs and demo logins, and stops
 * everything on Ctrl-C. Flags: {@code --reset} wipes local data first; {@code --demo-data} loads the demo data set;
 * {@code --report} measures startup instead (bench/startup), with {@code --alone[=service,...]} and
 * {@code --runs=N} only each service alone, N times (with {@code --baseline=DIR}, alternately with another checkout's
 * build of it).
 */
public final class Launcher {

    private static final PrintStream OUT = System.out;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> flags = Set.of(args);
        Path root = Path.of(System.getProperty("consulta.root", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.local(root);
        if (flags.contains("--reset")) {
            OUT.println("Removing local data in " + config.dataDir());
            Stack.deleteRecursively(config.dataDir());
        }
        boolean alone = flags.stream().anyMatch(f -> f.equals("--alone") || f.startsWith("--alone="));
        if (flags.contains("--report") && alone) {
            List<String> names = value(flags, "--alone").map(list -> List.of(list.split(","))).orElse(List.of());
            int runs = value(flags, "--runs").map(Integer::parseInt).orElse(3);
            StartupReport.runAlone(config, names, runs, value(flags, "--baseline").map(Path::of), OUT);
            return;
        }
        if (flags.contains("--report")) {
            StartupReport.run(config, OUT);
            return;
        }
        long started = System.nanoTime();
        OUT.println("Starting Consulta: mail inbox, MongoDB-protocol server, Kafka, Keycloak, then " + config.services().size()
                + " services. Logs: " + config.dataDir().resolve("logs"));
        Stack stack;
        try {
            stack = Stack.start(config, Launcher::show);
        } catch (StackException e) {
            System.err.println("\n" + e.getMessage());
            System.exit(1);
            return;
        }
        Thread stopper = new Thread(() -> {
            long stopping = System.nanoTime();
            OUT.println("\nStopping Consulta...");
            stack.close(OUT::println);
            OUT.printf(Locale.ROOT, "All processes stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
        }, "stack-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (flags.contains("--demo-data")) {
            DemoData.load(stack, OUT);
        }
        printWelcome(stack, took);
        watch(stack, stopper);
    }

    /** The value of a {@code --name=value} flag, if given with one. */
    private static Optional<String> value(Set<String> flags, String name) {
        return flags.stream().filter(f -> f.startsWith(name + "=")).findFirst()
                .map(f -> f.substring(name.length() + 1));
    }

    private static void show(StackEvent event) {
        switch (event.kind()) {
            case STARTING -> OUT.printf("  … %-20s starting%n", event.component().name());
            case READY -> OUT.printf("  ✓ %-20s ready in %.1f s%n", event.component().name(),
                    event.component().readyMillis() / 1000.0);
            case WAITING -> OUT.println("    waiting for: " + event.all().stream()
                    .filter(c -> c.state() != Component.State.READY)
                    .map(c -> c.name() + (c.state() == Component.State.WAITING ? " (queued)" : ""))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void printWelcome(Stack stack, Duration took) {
        OUT.printf(Locale.ROOT, "%nConsulta is up in %.1f s. Press Ctrl-C to stop everything.%n%n", took.toMillis() / 1000.0);
        if (stack.config().services().contains(ServiceSpec.WEB)) {
            OUT.printf("  Open Consulta in your browser: %s%n%n", ServiceSpec.WEB.url());
        }
        OUT.printf("  %-20s %s  (admin console: %s / %s)%n", "Keycloak", "http://localhost:" + StackConfig.KEYCLOAK_PORT,
                Keycloak.ADMIN_USER, Keycloak.ADMIN_PASSWORD);
        OUT.printf("  %-20s %s%n", "Kafka", "localhost:" + StackConfig.KAFKA_PORT);
        OUT.printf("  %-20s %s%n", "MongoDB", "mongodb://localhost:" + StackConfig.MONGO_PORT);
        OUT.printf("  %-20s %s  (every e-mail sent, to smtp://localhost:%d)%n", "Mail inbox",
                Inbox.messagesUrl(StackConfig.INBOX_PORT), StackConfig.SMTP_PORT);
        for (ServiceSpec service : stack.config().services()) {
            if (service.equals(ServiceSpec.WEB)) {
                continue;
            }
            OUT.printf("  %-20s %s  management (health, metrics, Swagger UI): %s/q/swagger-ui%n", service.name(),
                    service.url(), service.managementUrl());
        }
        OUT.println("\nDemo logins (realm consulta, client consulta-web; local only):");
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            OUT.printf("  %-8s %-26s %s%n", user.role(), user.username(), user.password());
        }
        OUT.printf("%nA token: curl -s -d grant_type=password -d client_id=consulta-web -d username=%s -d password=%s %s/protocol/openid-connect/token%n",
                DemoUsers.PATIENT_ALICE.username(), DemoUsers.PATIENT_ALICE.password(),
                Keycloak.issuer(StackConfig.KEYCLOAK_PORT));
    }

    /** Keeps the launcher alive and tells the user when one of its processes dies on its own. */
    private static void watch(Stack stack, Thread stopper) throws InterruptedException {
        Watchdog watchdog = new Watchdog(stack.components(), () -> stack.isStopping() || stopper.isAlive(),
                System.err::println, Duration.ofSeconds(1));
        while (true) {
            Thread.sleep(1000);
            watchdog.checkOnce();
        }
    }
}
