package io.consulta.common.problem;

import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.DomainException;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.domain.StaleVersionException;
import io.consulta.common.domain.TooManyRequestsException;
import io.consulta.common.domain.UnavailableException;
import io.consulta.common.domain.VersionRequiredException;

/** The problem each domain exception stands for: the same type, title and status as {@link ApiException}'s. */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static Problem of(DomainException e) {
        String detail = e.getMessage();
        return switch (e) {
            case NotFoundException x -> Problem.of(404, "not-found", "Not found", detail);
            case ConflictException x -> Problem.of(409, "conflict", "Conflict", detail);
            case StaleVersionException x -> Problem.of(412, "precondition-failed", "Precondition failed", detail);
            case VersionRequiredException x ->
                    Problem.of(428, "precondition-required", "Precondition required", detail);
            case ForbiddenException x -> Problem.of(403, "forbidden", "Forbidden", detail);
            case TooManyRequestsException x -> Problem.of(429, "rate-limited", "Too many requests", detail);
            case UnavailableException x -> Problem.of(503, "unavailable", "Service unavailable", detail);
            case InvalidInputException invalid when invalid.isUnprocessable() ->
                    Problem.of(422, "unprocessable", "Unprocessable request", detail).withErrors(invalid.errors());
            case InvalidInputException invalid ->
                    Problem.of(400, "validation", "Invalid input", detail).withErrors(invalid.errors());
            default -> Problem.of(400, "bad-request", "Bad request", detail);
        };
    }
}
