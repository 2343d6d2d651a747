package io.consulta.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the five Consulta services, or the web app's server, run from its Quarkus fast-jar. */
public record ServiceSpec(String name, int port) {

    /** The web app (module web): the page people open; it calls the services from the browser. */
    public static final ServiceSpec WEB = new ServiceSpec("web", 8080);

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("auth-service", 8081),
            new ServiceSpec("appointment-service", 8082),
            new ServiceSpec("chat-service", 8083),
            new ServiceSpec("notes-service", 8084),
            new ServiceSpec("media-service", 8085),
            WEB);

    public String url() {
        return "http://localhost:" + port;
    }

    /** The management interface (health, metrics, OpenAPI, Swagger UI): port + 1000 here, 9000 in pods. */
    public int managementPort() {
        return port + 1000;
    }

    public String managementUrl() {
        return "http://localhost:" + managementPort();
    }

    public Path jar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    ManagedProcess process(Path root, Path dataDir, Path logFile, Map<String, String> environment, String jvmOptions) {
        return process(root, dataDir, logFile, environment, jvmOptions, true);
    }

    /** {@code startupCache} false for throw-away stacks (tests): recording a cache nobody reuses costs a minute of CPU. */
    ManagedProcess process(Path root, Path dataDir, Path logFile, Map<String, String> environment, String jvmOptions,
                           boolean startupCache) {
        Path jar = jar(root);
        if (!Files.exists(jar)) {
            throw new StackException(name + " is not built (" + jar + " is missing): run ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        List<String> cacheOptions = startupCache ? StartupCache.options(dataDir.resolve("cds"), name, jar) : List.of();
        command.addAll(cacheOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort());
        command.add("-jar");
        command.add(jar.toString());
        return new ManagedProcess(name, url(), command, environment, dataDir.resolve("work").resolve(name), logFile,
                Probes.http(managementUrl() + "/q/health/ready"))
                .writingStartupCacheOnExit(StartupCache.writesOnExit(cacheOptions));
    }
}
