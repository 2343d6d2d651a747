package io.consulta.e2e.support;

import io.consulta.localstack.ServiceSpec;

/** Base URLs of the running services. */
public final class Services {

    private Services() {
    }

    public static String url(String serviceName) {
        return spec(serviceName).url();
    }

    /** The service's management interface: health, metrics, OpenAPI, Swagger UI. */
    public static String managementUrl(String serviceName) {
        return spec(serviceName).managementUrl();
    }

    private static ServiceSpec spec(String serviceName) {
        return ServiceSpec.ALL.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + serviceName));
    }
}
