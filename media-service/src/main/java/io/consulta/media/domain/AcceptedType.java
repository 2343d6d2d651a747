package io.consulta.media.domain;

import lombok.RequiredArgsConstructor;

import java.util.Arrays;
import java.util.Optional;

/** The file types media-service accepts, as detected from their bytes, and how each is stored. */
@RequiredArgsConstructor
public enum AcceptedType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    PDF("application/pdf");

    public static final String ACCEPTED = "JPEG, PNG or WebP images and PDF documents";

    private final String mediaType;

    public String mediaType() {
        return mediaType;
    }

    /** Images are cleaned and get a thumbnail; the media type says which types are images. */
    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    public static Optional<AcceptedType> ofMediaType(String detected) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(detected)).findFirst();
    }
}
