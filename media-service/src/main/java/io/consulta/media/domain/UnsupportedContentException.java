package io.consulta.media.domain;

import io.consulta.common.domain.DomainException;

/** The bytes are not one of the accepted types (415): the detail says what is accepted. */
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String detail) {
        super(detail);
    }
}
