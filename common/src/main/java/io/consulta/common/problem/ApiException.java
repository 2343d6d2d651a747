package io.consulta.common.problem;

import java.util.List;

/**
 * A failure the caller can act on, rendered as problem+json with its status. Services throw it from their API and
 * store layers through the named factories, so the same situation always gets the same type, title and status.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(Problem.of(400, "validation", "Invalid input", field + ": " + message)
                .withErrors(List.of(new FieldError(field, message))));
    }

    /** Several field errors at once, so a client can show them all after one round trip. */
    public static ApiException invalid(List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ApiException(Problem.of(400, "validation", "Invalid input", detail).withErrors(errors));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    /** How much of a caller's id a 404 repeats: errors never echo unbounded input. */
    private static final int MAX_ECHOED_ID = 64;

    /** Also the answer for objects the caller may not see: their existence is not disclosed. */
    public static ApiException notFound(String what, String id) {
        String shown = id != null && id.length() > MAX_ECHOED_ID ? id.substring(0, MAX_ECHOED_ID) + "…" : id;
        return new ApiException(Problem.of(404, "not-found", "Not found", what + " " + shown + " does not exist"));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(Problem.of(412, "precondition-failed", "Precondition failed", detail));
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(Problem.of(428, "precondition-required", "Precondition required", detail));
    }
}
