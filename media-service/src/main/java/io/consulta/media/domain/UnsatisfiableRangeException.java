package io.consulta.media.domain;

import io.consulta.common.domain.DomainException;

/** A Range the file cannot satisfy (416); the answer says how big the file is. */
public class UnsatisfiableRangeException extends DomainException {

    private final long size;

    public UnsatisfiableRangeException(long size) {
        super("The requested range is not within the file's " + size + " bytes");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
