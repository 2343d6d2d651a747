package io.consulta.common.domain;

/** The version the caller read is no longer the current one (If-Match failed). */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String detail) {
        super(detail);
    }
}
