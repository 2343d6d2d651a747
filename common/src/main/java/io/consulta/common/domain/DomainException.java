package io.consulta.common.domain;

/**
 * A rule of the domain refused a request. Stores and services throw the subclasses; common's exception mappers turn
 * them into problem+json, so neither layer knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail, null, false, false);
    }
}
