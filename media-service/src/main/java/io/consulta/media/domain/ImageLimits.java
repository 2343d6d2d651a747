package io.consulta.media.domain;

/**
 * Bounds on image work. {@code maxPixels}: larger images are refused from their header, before any decoding (a
 * decompression bomb declares its size honestly). {@code maxStoredSide}: larger images are decoded subsampled, which
 * keeps the memory one upload needs bounded. {@code thumbnailSide}: the longest side of a thumbnail.
 */
public record ImageLimits(long maxPixels, int maxStoredSide, int thumbnailSide, float jpegQuality) {
}
