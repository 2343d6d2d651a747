package io.consulta.media.service;

/**
 * Bytes the caller may read, described for the HTTP answer: stored type, size and SHA-256 (the ETag), and whether a
 * browser may show them in place (images) or must download them (PDF).
 */
public record Content(String mediaId, Rendition rendition, String blobId, String contentType, long size,
                      String sha256, boolean inline) {

    public String fileName() {
        String extension = switch (contentType) {
            case "image/png" -> "png";
            case "application/pdf" -> "pdf";
            default -> "jpg";
        };
        return (rendition == Rendition.THUMBNAIL ? "thumbnail-" : "media-") + mediaId + "." + extension;
    }
}
