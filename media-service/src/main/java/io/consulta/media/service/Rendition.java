package io.consulta.media.service;

import java.util.Optional;

/** Which bytes of a media item: what was stored, or its thumbnail. */
public enum Rendition {
    ORIGINAL("original"),
    THUMBNAIL("thumbnail");

    private final String wireName;

    Rendition(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Rendition> parse(String raw) {
        for (Rendition rendition : values()) {
            if (rendition.wireName.equals(raw)) {
                return Optional.of(rendition);
            }
        }
        return Optional.empty();
    }
}
