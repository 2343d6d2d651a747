package io.consulta.media.api;

import java.time.Instant;

/** A signed URL that serves the bytes without a token until {@code expiresAt}: for {@code <img src>}. */
public record LinkView(String url, Instant expiresAt) {
}
