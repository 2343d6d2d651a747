package io.consulta.chat.api;

import io.consulta.common.identity.DisabledAccounts.AccountDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lombok.RequiredArgsConstructor;

/**
 * When an admin disables an account (common's {@code DisabledAccounts} hears of it on every replica), its open sockets
 * here are closed with 1008; reconnecting is refused because its token now is.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DisabledAccountSockets {

    private final SessionRegistry sessions;

    void close(@Observes AccountDisabled disabled) {
        sessions.of(disabled.userId()).forEach(session ->
                session.close(ChatSocket.POLICY_VIOLATION, "This account was disabled"));
    }
}
