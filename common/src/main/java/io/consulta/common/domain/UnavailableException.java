package io.consulta.common.domain;

/** Something this request needs (identity provider, a projection still loading) is not there yet; retry later. */
public class UnavailableException extends DomainException {

    public UnavailableException(String detail) {
        super(detail);
    }
}
