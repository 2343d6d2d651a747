package io.consulta.media.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The request headers that make a read of stored bytes conditional or partial, the same for every way in (with a
 * token, or through a signed link): one byte range, and the ETags the client already holds.
 */
public record ReadConditions(@HeaderParam("Range") String range,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                             @HeaderParam("If-Range") String ifRange) {
}
