package io.consulta.e2e.support;

import io.consulta.localstack.ServiceSpec;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Map;
import java.util.stream.Stream;

/** Base URLs of the running services. */
public final class Services {

    /** Per service, an endpoint that any signed-in user may call: where the journeys check who gets in. */
    public static final Map<String, String> SIGNED_IN_ENDPOINTS = Map.of(
            "auth-service", "/api/v1/me",
            "appointment-service", "/api/v1/appointments",
            "chat-service", "/api/v1/conversations",
            "notes-service", "/api/v1/notes",
            "media-service", "/api/v1/media");

    private Services() {
    }

    /** {@link #SIGNED_IN_ENDPOINTS} as (service, path) arguments of a parameterized test, by service name. */
    public static Stream<Arguments> signedInEndpoints() {
        return SIGNED_IN_ENDPOINTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(endpoint -> Arguments.of(endpoint.getKey(), endpoint.getValue()));
    }

    public static String url(String serviceName) {
        return spec(serviceName).url();
    }

    /** The service's management interface: health, metrics, OpenAPI, Swagger UI. */
    public static String managementUrl(String serviceName) {
        return spec(serviceName).managementUrl();
    }

    public static String auth(String path) {
        return url("auth-service") + path;
    }

    public static String appointments(String path) {
        return url("appointment-service") + path;
    }

    public static String chat(String path) {
        return url("chat-service") + path;
    }

    public static String notes(String path) {
        return url("notes-service") + path;
    }

    public static String media(String path) {
        return url("media-service") + path;
    }

    private static ServiceSpec spec(String serviceName) {
        return ServiceSpec.ALL.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + serviceName));
    }
}
