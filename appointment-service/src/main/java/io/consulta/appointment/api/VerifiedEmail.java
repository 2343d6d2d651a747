package io.consulta.appointment.api;

import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;

/**
 * A patient books (or holds) a doctor's time only once they have proved their e-mail address (Keycloak's verify-e-mail
 * link, sent at sign-up): a throw-away account cannot take scarce slots.
 */
final class VerifiedEmail {

    private VerifiedEmail() {
    }

    static void require(Caller caller) {
        if (!caller.emailVerified()) {
            throw ApiException.forbidden("Verify your e-mail address first: follow the link in the message we sent "
                    + "when you signed up, then sign in again");
        }
    }
}
