package io.consulta.media.domain;

import java.util.Arrays;
import java.util.Optional;

/** The file types media-service accepts, as detected from their bytes, and how each is stored. */
public enum AcceptedType {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    WEBP("image/webp", true),
    PDF("application/pdf", false);

    public static final String ACCEPTED = "JPEG, PNG or WebP images and PDF documents";

    private final String mediaType;
    private final boolean image;

    AcceptedType(String mediaType, boolean image) {
        this.mediaType = mediaType;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isImage() {
        return image;
    }

    public static Optional<AcceptedType> ofMediaType(String detected) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(detected)).findFirst();
    }
}
