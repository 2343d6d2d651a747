package io.consulta.media.api;

import io.consulta.common.problem.Problem;
import io.consulta.common.problem.ProblemResponses;
import io.consulta.media.domain.TooLargeException;
import io.consulta.media.domain.UnsupportedContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.UUID;

/**
 * The refusals only media-service has: a file too large (413), of a type it does not accept (415), or a multipart
 * body that ends before its closing boundary (400).
 */
public class MediaProblems {

    private static final Logger LOG = Logger.getLogger(MediaProblems.class);
    /** What the multipart parser says when the body ends before its closing boundary. */
    private static final String TRUNCATED_MULTIPART = "Connection terminated parsing multipart request";

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(413, "payload-too-large", "Payload too large", e.getMessage())
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedContentException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(415, "unsupported-media-type", "Unsupported media type", e.getMessage())
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response io(IOException e, UriInfo uri) {
        if (e.getMessage() != null && e.getMessage().startsWith(TRUNCATED_MULTIPART)) {
            return ProblemResponses.of(Problem.of(400, "incomplete-upload", "Incomplete upload",
                    "The multipart body ended before its closing boundary; send the whole file again")
                    .withInstance(uri.getPath()));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected I/O error %s on %s", errorId, uri.getPath());
        return ProblemResponses.of(Problem.of(500, "internal", "Internal server error",
                "Something went wrong on our side; quote error id " + errorId + " when reporting it")
                .withErrorId(errorId).withInstance(uri.getPath()));
    }
}
