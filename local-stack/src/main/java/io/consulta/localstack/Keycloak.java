package io.consulta.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** A real Keycloak from the keycloak-quarkus-dist zip (unpacked by the local-stack build), realm imported on start. */
public final class Keycloak {

    public static final String REALM = "consulta";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private Keycloak() {
    }

    public static Path home(Path root) {
        return root.resolve(".cache/keycloak/keycloak-" + StackVersions.keycloak());
    }

    public static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public static ManagedProcess node(Path root, int port, Path dataDir, Path logFile) {
        Path home = home(root);
        Path script = home.resolve("bin/kc.sh");
        if (!Files.exists(script)) {
            throw new StackException("Keycloak is not unpacked at " + home + ": build local-stack first (./mvnw package -pl local-stack)");
        }
        importRealm(root, home);
        installThemes(root, home);
        String database = "jdbc:h2:file:" + dataDir.resolve("keycloakdb").toAbsolutePath() + ";NON_KEYWORDS=VALUE";
        List<String> command = List.of("bash", script.toString(), "start-dev", "--http-port=" + port,
                "--import-realm", "--db-url=" + database);
        Map<String, String> environment = Map.of(
                "JAVA_HOME", ChildJvm.javaHome(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new ManagedProcess("keycloak", "http://localhost:" + port, command, environment, dataDir, logFile,
                Probes.http(issuer(port) + "/.well-known/openid-configuration"));
    }

    private static void importRealm(Path root, Path home) {
        Path realm = root.resolve("deploy/keycloak/consulta-realm.json");
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, importDir.resolve("consulta-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot stage the realm file " + realm + ": " + e.getMessage(), e);
        }
    }

    /** Consulta's login theme (deploy/keycloak/themes), which the realm names as its loginTheme. */
    private static void installThemes(Path root, Path home) {
        Path themes = root.resolve("deploy/keycloak/themes");
        if (!Files.isDirectory(themes)) {
            return;
        }
        try (var files = Files.walk(themes)) {
            for (Path source : files.toList()) {
                Path target = home.resolve("themes").resolve(themes.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot install the login theme from " + themes + ": " + e.getMessage(), e);
        }
    }
}
