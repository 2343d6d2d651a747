package io.consulta.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Problem+json for what never reaches a REST resource: unknown routes and failures raised by the HTTP layer itself
 * (body too large, rejected WebSocket upgrades, ...).
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public ProblemRoutes(ObjectMapper json,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                         MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> write(ctx,
                Problem.of(404, "not-found", "Not Found", "No resource at " + ctx.normalizedPath())));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
    }

    /** The HTTP layer would answer 413 with an empty body; a declared oversized body gets a problem instead. */
    private void refuseOversizedBody(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && !declared.isEmpty()
                && declared.length() < 19 && Long.parseLong(declared) > maxBodyBytes) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(ctx, Problem.of(413, "payload-too-large", "Payload too large",
                    "The request body exceeds the limit of " + maxBodyBytes + " bytes"));
            return;
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = statusOf(ctx);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"consulta\"");
            write(ctx, Problem.of(401, "unauthorized", "Unauthorized",
                    "A valid bearer token from the consulta realm is required"));
        } else if (status == 403) {
            write(ctx, Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this action"));
        } else if (status == 503) {
            LOG.warnf("Identity provider unavailable on %s: %s", ctx.normalizedPath(), ctx.failure().getMessage());
            write(ctx, Problem.of(503, "identity-unavailable", "Service unavailable",
                    "The identity provider cannot be reached to check your token; retry shortly"));
        } else if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(ctx.failure(), "Unexpected error %s on %s", errorId, ctx.normalizedPath());
            write(ctx, Problem.of(status, "internal", "Internal server error",
                    "Something went wrong on our side; quote error id " + errorId + " when reporting it")
                    .withErrorId(errorId));
        } else {
            io.netty.handler.codec.http.HttpResponseStatus reason =
                    io.netty.handler.codec.http.HttpResponseStatus.valueOf(status);
            String title = reason.reasonPhrase();
            write(ctx, Problem.of(status, title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, title));
        }
    }

    private static int statusOf(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof io.quarkus.security.AuthenticationException
                || failure instanceof io.quarkus.security.UnauthorizedException) {
            return 401;
        }
        if (failure instanceof io.quarkus.security.ForbiddenException) {
            return 403;
        }
        if (failure instanceof io.quarkus.oidc.OIDCException) {
            return 503;
        }
        return ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    }

    private void write(RoutingContext ctx, Problem problem) {
        try {
            ctx.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(ctx.normalizedPath())));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
