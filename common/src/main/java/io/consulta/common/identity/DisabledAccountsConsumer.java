package io.consulta.common.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every replica of every service reads {@code consulta.identity} from the beginning in a consumer group of its own
 * (configured in common's defaults), so each one knows every disabled account within a second of the admin's action.
 * Only {@code user.disabled} matters here; re-reading an event changes nothing.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DisabledAccountsConsumer {

    private final ObjectMapper json;
    private final DisabledAccounts accounts;

    @Incoming("disabled-accounts")
    public void onIdentity(String payload) {
        CloudEvent event = CloudEvent.parse(json, payload);
        if (!IdentityEvents.USER_DISABLED.equals(event.type())) {
            return;
        }
        String userId = event.userId();
        if (userId != null) {
            accounts.disable(userId);
        }
    }
}
