package io.consulta.media.domain;

import java.util.Optional;

/**
 * One byte range of a stored file, from an HTTP {@code Range} header (RFC 9110 §14): {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Several ranges, or a unit other than bytes, are ignored (the whole file is
 * served, as the RFC allows); a range that starts past the end is unsatisfiable (416).
 */
public record ByteRange(long first, long last) {

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Empty: serve the whole file. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || header.length() > 100) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = value.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        if (!digits(from) || !(to.isEmpty() || digits(to)) || (from.isEmpty() && to.isEmpty())) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            if (suffix == 0) {
                throw new UnsatisfiableRangeException(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
        if (!to.isEmpty() && Long.parseLong(to) < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new UnsatisfiableRangeException(size);
        }
        return Optional.of(new ByteRange(first, last));
    }

    private static boolean digits(String text) {
        return text.isEmpty() || (text.length() <= 18 && text.chars().allMatch(Character::isDigit));
    }
}
