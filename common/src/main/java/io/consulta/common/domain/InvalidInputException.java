package io.consulta.common.domain;

import io.consulta.common.problem.FieldError;

import java.util.List;

/**
 * Input that breaks a rule, field by field, so a client can show every error after one round trip: 400, or 422 for
 * input that is well-formed but cannot be processed ({@link #unprocessable}).
 */
public class InvalidInputException extends DomainException {

    private final transient List<FieldError> errors;
    private final boolean unprocessable;

    public InvalidInputException(List<FieldError> errors) {
        this(errors, false);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)), false);
    }

    private InvalidInputException(List<FieldError> errors, boolean unprocessable) {
        super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
        this.unprocessable = unprocessable;
    }

    public static InvalidInputException unprocessable(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean isUnprocessable() {
        return unprocessable;
    }
}
