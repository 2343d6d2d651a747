package io.consulta.web;

import java.net.URI;

/** Turns configured URLs into what a Content-Security-Policy and a WebSocket need. */
final class Origins {

    private Origins() {
    }

    /** {@code http://host:port} of a URL, or an empty string for an empty URL (same origin). */
    static String of(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri = URI.create(url.trim());
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The ws(s) form of a service URL; empty stays empty (the app then derives it from its own origin). */
    static String socketUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        return url.trim().replaceFirst("^http", "ws").replaceAll("/+$", "");
    }
}
