package io.consulta.auth.domain;

import io.consulta.common.domain.DomainException;

/**
 * The identity provider refused a sign-up without naming a field, so the caller gets its reason as a plain 400
 * (common's DomainProblems answers any domain rule without a more specific kind that way).
 */
public class SignUpRefusedException extends DomainException {

    public SignUpRefusedException(String reason) {
        super(reason);
    }
}
