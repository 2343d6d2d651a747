package io.consulta.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface of the service under test (health, metrics, OpenAPI): its own port, never the public one. */
public final class Management {

    private Management() {
    }

    /** Base URI for REST Assured's {@code baseUri(..)}: {@code http://localhost:<management test port>}. */
    public static String uri() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port;
    }
}
