package io.consulta.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of a service's public port may carry personal or medical data: no shared or browser cache keeps it
 * ({@code no-store}, unless a resource chose its own caching), and browsers never second-guess its content type.
 * A route filter rather than a JAX-RS one, so the security layer's own 401 answers carry them too.
 */
@ApplicationScoped
public class PrivateResponseHeaders {

    static final String NOSNIFF = "X-Content-Type-Options";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set(NOSNIFF, "nosniff");
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            context.next();
        }, 1000);
    }
}
