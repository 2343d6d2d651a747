package io.consulta.media.service;

import io.consulta.common.domain.WireNames;

import java.util.Optional;

/** Which bytes of a media item: what was stored, or its thumbnail. */
public enum Rendition {
    ORIGINAL,
    THUMBNAIL;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<Rendition> parse(String raw) {
        return WireNames.parse(Rendition.class, raw);
    }
}
