package io.consulta.media.api;

import io.consulta.common.domain.ForbiddenException;
import io.consulta.media.service.MediaReads;
import io.consulta.media.service.Rendition;
import io.consulta.media.service.SignedLink;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;

import java.time.Instant;

/**
 * Serves the bytes behind a signed link, without a token (browsers send none for {@code <img src>}); the link itself
 * is the credential, so this path is open in application.properties and everything rests on the signature.
 */
@Path("/api/v1/media-links")
@RequiredArgsConstructor
public class MediaLinkResource {

    private final MediaReads reads;
    private final ContentResponses responses;

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @QueryParam("rendition") String rendition,
                            @QueryParam("caller") String callerId, @QueryParam("expires") String expires,
                            @QueryParam("signature") String signature, @BeanParam ReadConditions conditions) {
        SignedLink link = new SignedLink(id, Rendition.parse(rendition).orElseThrow(MediaLinkResource::invalid),
                required(callerId), Instant.ofEpochSecond(epochSeconds(expires)), required(signature));
        return responses.respond(reads.openLinked(link, conditions.range()), conditions);
    }

    private static String required(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw invalid();
        }
        return value;
    }

    private static long epochSeconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            throw invalid();
        }
        return Long.parseLong(value);
    }

    private static ForbiddenException invalid() {
        return new ForbiddenException("This link is not valid");
    }
}
