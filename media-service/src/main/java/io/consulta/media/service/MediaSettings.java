package io.consulta.media.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** consulta.media.*: the limits and keys of media-service (defaults in application.properties). */
@ConfigMapping(prefix = "consulta.media")
public interface MediaSettings {

    /** Bigger files are refused with 413. */
    MemorySize maxUploadSize();

    /** Images with more pixels than this (read from the header) are refused with 422 before decoding. */
    long maxPixels();

    /** Images with a longer side are decoded subsampled to at most this, bounding the memory one upload takes. */
    int maxStoredSide();

    int thumbnailSide();

    float jpegQuality();

    /** Images decoded at the same time; the rest wait (decoding is what takes memory). */
    int concurrentImages();

    /** How long an upload waits for a decoding slot before the service answers 503. */
    Duration imageSlotWait();

    Uploads uploads();

    Links links();

    Deletion deletion();

    interface Uploads {
        /** Uploads one user may start per window; more are answered 429 with Retry-After. */
        int perUser();

        Duration window();

        /**
         * Bytes that request bodies being received may take in the uploads folder together; an upload that does not
         * fit is refused with 503 and Retry-After before its body is read.
         */
        MemorySize diskBudget();
    }

    interface Links {
        /** Base64 HMAC key for signed links, at least 32 bytes; every replica must share it. */
        String key();

        Duration validFor();
    }

    interface Deletion {
        /** Deleted media keep their bytes this long (undo, investigations) before the sweeper removes them. */
        Duration keepBytesFor();

        /** How often the sweeper looks for bytes to remove. */
        Duration sweepEvery();
    }
}
