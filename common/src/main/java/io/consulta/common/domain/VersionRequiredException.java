package io.consulta.common.domain;

/** A change that must name the version it was based on did not. */
public class VersionRequiredException extends DomainException {

    public VersionRequiredException(String detail) {
        super(detail);
    }
}
