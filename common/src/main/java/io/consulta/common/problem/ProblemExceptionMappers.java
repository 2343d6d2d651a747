package io.consulta.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.mongodb.MongoWriteException;
import io.consulta.common.domain.DomainException;
import io.consulta.common.domain.TooManyRequestsException;
import io.consulta.common.store.DuplicateKey;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error a REST endpoint can raise, rendered as RFC 9457 problem+json. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response.ResponseBuilder response = ProblemResponses.builder(DomainProblems.of(e).withInstance(uri.getPath()));
        if (e instanceof TooManyRequestsException limited) {
            response.header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = ConstraintViolations.toFieldErrors(e.getConstraintViolations());
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation", "Invalid input", detail).withErrors(errors), uri);
    }

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class, JsonMappingException.class, JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping);
            String message = mapping instanceof ValueInstantiationException
                    ? "is not valid"
                    : "has the wrong type or format";
            return respond(Problem.of(400, "validation", "Invalid input", field + ": " + message)
                    .withErrors(List.of(new FieldError(field, message))), uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType statusInfo = Response.Status.fromStatusCode(status);
        String title = statusInfo != null ? statusInfo.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "The method " + request.getMethod() + " is not allowed on " + uri.getPath();
            case 406 -> "None of the requested media types can be produced";
            case 415 -> "Unsupported media type; send application/json";
            default -> e.getMessage();
        };
        Problem problem = Problem.of(status, slug(title), title, detail).withInstance(uri.getPath());
        Response.ResponseBuilder builder = ProblemResponses.builder(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token from the consulta realm is required").withInstance(uri.getPath());
        return ProblemResponses.builder(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"consulta\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this action"), uri);
    }

    @ServerExceptionMapper
    public Response mongoWrite(MongoWriteException e, UriInfo uri) {
        if (DuplicateKey.is(e)) {
            return respond(Problem.of(409, "conflict", "Conflict", "This would duplicate an existing record"), uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(Problem.of(500, "internal", "Internal server error",
                "Something went wrong on our side; quote error id " + errorId + " when reporting it")
                .withErrorId(errorId), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.withInstance(uri.getPath()));
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
