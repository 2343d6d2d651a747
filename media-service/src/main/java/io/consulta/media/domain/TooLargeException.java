package io.consulta.media.domain;

import io.consulta.common.domain.DomainException;

/** The upload is bigger than the configured limit (413). */
public class TooLargeException extends DomainException {

    public TooLargeException(long limitBytes) {
        super("The file exceeds the limit of " + limitBytes + " bytes");
    }
}
