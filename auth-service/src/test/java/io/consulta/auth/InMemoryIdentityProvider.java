package io.consulta.auth;

import io.consulta.auth.domain.IdentityProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak in service tests so failures can be staged; the e2e journeys use the real Keycloak.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class InMemoryIdentityProvider implements IdentityProvider {

    // Tests reach this bean through its client proxy, so state is read and changed through methods only.
    private final Map<String, String> emailsById = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> rolesById = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Set<String> verificationSent = ConcurrentHashMap.newKeySet();
    private volatile boolean unreachable;
    private volatile boolean failNextRoleGrant;
    private volatile RefusedFieldException nextRefusal;

    public void setUnreachable(boolean value) {
        unreachable = value;
    }

    public void failNextRoleGrant() {
        failNextRoleGrant = true;
    }

    /** The next user creation is refused as Keycloak's password policy or user profile would; null field: none named. */
    public void refuseNextSignUp(String field, String reason) {
        nextRefusal = new RefusedFieldException(field, reason);
    }

    public void healthy() {
        unreachable = false;
        failNextRoleGrant = false;
        nextRefusal = null;
    }

    public void addExistingUser(String id, String email) {
        emailsById.put(id, email.toLowerCase(Locale.ROOT));
        rolesById.put(id, ConcurrentHashMap.newKeySet());
    }

    public boolean hasUserWithEmail(String email) {
        return emailsById.containsValue(email.toLowerCase(Locale.ROOT));
    }

    public Set<String> rolesOf(String id) {
        return Set.copyOf(rolesById.getOrDefault(id, Set.of()));
    }

    public boolean verificationEmailSentTo(String id) {
        return verificationSent.contains(id);
    }

    @Override
    public void sendVerificationEmail(String userId) {
        failIfUnreachable();
        verificationSent.add(userId);
    }

    public boolean isDisabled(String id) {
        return disabled.contains(id);
    }

    @Override
    public String createUser(NewUser user) {
        failIfUnreachable();
        RefusedFieldException refusal = nextRefusal;
        if (refusal != null) {
            nextRefusal = null;
            throw refusal;
        }
        String email = user.email().toLowerCase(Locale.ROOT);
        if (emailsById.containsValue(email)) {
            throw new DuplicateUserException("exists");
        }
        String id = UUID.randomUUID().toString();
        emailsById.put(id, email);
        rolesById.put(id, ConcurrentHashMap.newKeySet());
        return id;
    }

    @Override
    public void grantRealmRole(String userId, String role) {
        failIfUnreachable();
        if (failNextRoleGrant) {
            failNextRoleGrant = false;
            throw new UnavailableException("role mapping failed", null);
        }
        rolesById.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(role);
    }

    @Override
    public void deleteUser(String userId) {
        emailsById.remove(userId);
        rolesById.remove(userId);
    }

    @Override
    public void disableUser(String userId) {
        failIfUnreachable();
        disabled.add(userId);
    }

    private void failIfUnreachable() {
        if (unreachable) {
            throw new UnavailableException("connection refused", null);
        }
    }
}
