package io.consulta.common.domain;

/** The request contradicts the current state (slot taken, hold expired, changed meanwhile without a version). */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }
}
