package io.consulta.media.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds web markup inside an image: a JPEG or PNG that is also a valid HTML page (a polyglot) is refused outright,
 * although re-encoding would drop the markup, because a file built to be two things at once is an attack, not a photo.
 * Only tags long enough not to turn up by chance in compressed pixel data are looked for; short ones must be followed
 * by a delimiter, which keeps the chance of a false match in a 15 MB photo near one in ten thousand.
 */
public final class MarkupScan {

    private static final List<byte[]> TAGS = List.of("<script", "<iframe", "<object", "<embed", "<!doctype",
            "<?php", "<html", "<body", "<head", "<svg").stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final int LONGEST = 9;
    private static final int SHORT = 7;

    private MarkupScan() {
    }

    public static boolean containsMarkup(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024 + LONGEST + 1];
            int carried = 0;
            int read;
            while ((read = in.read(buffer, carried, buffer.length - carried)) != -1) {
                int length = carried + read;
                // a tag starting here is wholly in the buffer; later starts wait for the next read
                int scanned = Math.max(0, length - (LONGEST + 1));
                if (anyTag(buffer, 0, scanned, length)) {
                    return true;
                }
                carried = length - scanned;
                System.arraycopy(buffer, scanned, buffer, 0, carried);
            }
            return anyTag(buffer, 0, carried, carried);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean anyTag(byte[] bytes, int from, int to, int length) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '<' && tagAt(bytes, i, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tagAt(byte[] bytes, int at, int length) {
        for (byte[] tag : TAGS) {
            if (matches(bytes, at, length, tag)) {
                if (tag.length >= SHORT) {
                    return true;
                }
                int next = at + tag.length;
                if (next < length && delimiter(bytes[next])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int at, int length, byte[] tag) {
        if (at + tag.length > length) {
            return false;
        }
        for (int i = 0; i < tag.length; i++) {
            int b = bytes[at + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != tag[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean delimiter(byte b) {
        return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }
}
