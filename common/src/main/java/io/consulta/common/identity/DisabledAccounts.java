package io.consulta.common.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import lombok.RequiredArgsConstructor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts an admin disabled, as this replica heard of them on {@code consulta.identity} (every replica reads the
 * whole topic from its start, see {@link DisabledAccountsConsumer}). Their tokens are refused from then on, however
 * long they still run ({@link AccountGate}); {@link AccountDisabled} tells e.g. chat-service to close their sockets.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DisabledAccounts {

    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Event<AccountDisabled> announcements;

    public boolean isDisabled(String userId) {
        return userId != null && disabled.contains(userId);
    }

    public void disable(String userId) {
        if (disabled.add(userId)) {
            announcements.fire(new AccountDisabled(userId));
        }
    }

    /** Fired once per replica when it learns that an account was disabled. */
    public record AccountDisabled(String userId) {
    }
}
