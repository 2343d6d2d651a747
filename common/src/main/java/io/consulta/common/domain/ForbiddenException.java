package io.consulta.common.domain;

/** The caller is known and may see the object, but may not do this to it. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
