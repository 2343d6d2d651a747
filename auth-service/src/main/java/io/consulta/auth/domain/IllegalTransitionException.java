package io.consulta.auth.domain;

/** A status change the account's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
