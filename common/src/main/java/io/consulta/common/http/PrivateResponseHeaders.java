package io.consulta.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of a service's public port may carry personal or medical data: no shared or browser cache keeps it
 * ({@code no-store}, unless a resource chose its own caching), and browsers never second-guess its content type.
 * A route filter rather than a JAX-RS one, so the security layer's own 401 answers carry them too. Answers to an
 * origin that CORS did not admit carry no CORS headers at all.
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
                if (!headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
                    // an origin CORS did not admit learns nothing about what admitted ones may do
                    headers.names().stream().filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
                            .toList().forEach(headers::remove);
                }
            });
            context.next();
        }, 1000);
    }
}
