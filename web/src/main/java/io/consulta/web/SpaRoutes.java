package io.consulta.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Security headers on every answer, and {@code index.html} for the app's own routes (a reload of
 * {@code /patient/visits} must open the app, which then routes in the browser).
 */
@Singleton
public class SpaRoutes {

    private final String contentSecurityPolicy;

    public SpaRoutes(WebConfig web) {
        this.contentSecurityPolicy = contentSecurityPolicy(web);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        String path = context.normalizedPath();
        if (isAppRoute(context.request().method(), path)) {
            context.reroute("/index.html");
            return;
        }
        // Set when the headers go out, after the static handler wrote its own default (one day for everything).
        String cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        context.addHeadersEndHandler(done -> context.response().headers().set("Cache-Control", cache));
        context.next();
    }

    /** A GET for a page of the app: not an asset (no dot in the last segment), not the server's own endpoints. */
    static boolean isAppRoute(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        if (path.equals("/config.json") || path.startsWith("/q/") || path.equals("/q") || path.startsWith("/assets/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /** Scripts and styles only from this origin; API, Keycloak and the chat socket for connections. */
    static String contentSecurityPolicy(WebConfig web) {
        WebConfig.Services services = web.services();
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        Stream.of(web.keycloakUrl(), services.auth().orElse(""), services.appointments().orElse(""), services.chat().orElse(""), services.notes().orElse(""),
                services.media().orElse("")).map(Origins::of).filter(origin -> !origin.isEmpty()).forEach(connect::add);
        String socket = Origins.of(services.chat().orElse(""));
        connect.add(socket.isEmpty() ? "wss:" : Origins.socketUrl(socket));
        String media = Origins.of(services.media().orElse(""));
        String keycloak = Origins.of(web.keycloakUrl());
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:" + (media.isEmpty() ? "" : " " + media),
                "font-src 'self'",
                "connect-src " + String.join(" ", connect),
                "frame-src " + (keycloak.isEmpty() ? "'self'" : keycloak),
                "form-action 'self'" + (keycloak.isEmpty() ? "" : " " + keycloak),
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }
}
