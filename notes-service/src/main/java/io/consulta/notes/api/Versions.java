package io.consulta.notes.api;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.VersionRequiredException;
import jakarta.ws.rs.core.EntityTag;

/** A note's version as its ETag, and the version an If-Match names. */
final class Versions {

    private Versions() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException("Send the ETag you read as If-Match, so an edit never overwrites "
                    + "a newer one");
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("If-Match", "must be the ETag you read, e.g. \"3\"");
        }
        return Long.parseLong(tag);
    }
}
