package io.consulta.media.service;

import java.time.Instant;

/** What a signed link carries besides the media id; the signature covers all of it. */
public record SignedLink(String mediaId, Rendition rendition, String callerId, Instant expiresAt, String signature) {
}
