package io.consulta.media.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.problem.Problem;
import io.consulta.media.service.UploadSpace;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits an upload before its body is streamed to the uploads folder: the body's declared size (the body limit when
 * it declares none) must fit in {@link UploadSpace}, else 503 with Retry-After. A route, not a resource filter, because
 * the multipart body is on disk by the time a resource (or its filters) runs.
 */
@ApplicationScoped
public class UploadAdmission {

    static final int RETRY_AFTER_SECONDS = 5;

    private final UploadSpace space;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    public UploadAdmission(UploadSpace space, ObjectMapper json,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.space = space;
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // right after common's ProblemRoutes, which refuses declared oversized bodies first (order MIN_VALUE)
        router.post("/api/v1/media").order(Integer.MIN_VALUE + 1).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        long bytes = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (!space.tryReserve(bytes)) {
            refuse(ctx);
            return;
        }
        ctx.addEndHandler(ended -> space.release(bytes));
        ctx.next();
    }

    private long declaredLength(String header) {
        boolean number = header != null && !header.isEmpty() && header.length() < 19
                && header.chars().allMatch(Character::isDigit);
        return number ? Math.min(Long.parseLong(header), maxBodyBytes) : maxBodyBytes;
    }

    private void refuse(RoutingContext ctx) {
        Problem problem = Problem.of(503, "unavailable", "Service unavailable",
                "Too many uploads are being received at once; retry in a few seconds")
                .withInstance(ctx.normalizedPath());
        ctx.response().setStatusCode(503)
                .putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONNECTION, "close"); // the body is not read: the connection cannot be reused
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().end();
        }
    }
}
