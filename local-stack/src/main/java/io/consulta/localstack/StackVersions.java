package io.consulta.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions fixed by the build (root pom), so the launcher and Maven agree on what was downloaded. */
final class StackVersions {

    private static final Properties VERSIONS = load();

    private StackVersions() {
    }

    static String keycloak() {
        return VERSIONS.getProperty("keycloak.version");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = StackVersions.class.getResourceAsStream("stack.properties")) {
            if (in == null) {
                throw new StackException("stack.properties is missing: build local-stack with ./mvnw first");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read stack.properties", e);
        }
        return properties;
    }
}
