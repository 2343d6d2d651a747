package io.consulta.media.domain;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides what a file is from its leading bytes (Tika's magic-number database) and nothing else: the name and the
 * Content-Type a client declares are never consulted, so a renamed executable stays an executable.
 */
public final class TypeSniffer {

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private TypeSniffer() {
    }

    /** The accepted type of the file, or a 415 naming what is accepted. */
    public static AcceptedType detect(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // no resource name in the metadata: Tika then decides from the bytes alone
            MediaType detected = MAGIC.detect(in, new Metadata());
            return AcceptedType.ofMediaType(detected.getBaseType().toString())
                    .orElseThrow(() -> new UnsupportedContentException(
                            "This file is not accepted: upload " + AcceptedType.ACCEPTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
