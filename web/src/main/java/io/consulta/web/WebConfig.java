package io.consulta.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Where the browser finds Keycloak and the services. Read at runtime, so one built app runs locally (each service on
 * its own port) and in Kubernetes (one host: the service URLs are empty and the app calls its own origin).
 */
@ConfigMapping(prefix = "consulta.web")
public interface WebConfig {

    String keycloakUrl();

    @WithDefault("consulta")
    String realm();

    @WithDefault("consulta-web")
    String clientId();

    Services services();

    /** Each empty when served from the app's own origin. */
    interface Services {
        Optional<String> auth();

        Optional<String> appointments();

        Optional<String> chat();

        Optional<String> notes();

        Optional<String> media();
    }
}
