package io.consulta.media.domain;

/** What re-encoding produced: the stored type and size in pixels of the image and of its thumbnail. */
public record CleanedImage(String contentType, int width, int height, String thumbnailContentType) {
}
