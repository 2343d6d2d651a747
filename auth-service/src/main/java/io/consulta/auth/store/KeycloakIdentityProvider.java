package io.consulta.auth.store;

import io.consulta.auth.domain.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.function.Supplier;

/** Users and realm roles in Keycloak, through the admin client and auth-service's service account. */
@ApplicationScoped
public class KeycloakIdentityProvider implements IdentityProvider {

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakIdentityProvider(Keycloak keycloak, @ConfigProperty(name = "consulta.keycloak.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public String createUser(NewUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.email());
        representation.setEmail(user.email());
        representation.setEmailVerified(false);
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        representation.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(user.password());
        password.setTemporary(false);
        representation.setCredentials(List.of(password));
        return call("create user", () -> {
            try (Response response = realm().users().create(representation)) {
                return switch (response.getStatus()) {
                    case 201 -> idFrom(response);
                    case 409 -> throw new DuplicateUserException("An account with this e-mail already exists");
                    case 400 -> throw refusal(response);
                    default -> throw new UnavailableException("Keycloak answered " + response.getStatus()
                            + " to a user creation", null);
                };
            }
        });
    }

    @Override
    public void grantRealmRole(String userId, String role) {
        call("grant role", () -> {
            var roleRepresentation = realm().roles().get(role).toRepresentation();
            realm().users().get(userId).roles().realmLevel().add(List.of(roleRepresentation));
            return null;
        });
    }

    @Override
    public void sendVerificationEmail(String userId) {
        call("send the verification e-mail", () -> {
            realm().users().get(userId).sendVerifyEmail();
            return null;
        });
    }

    @Override
    public void deleteUser(String userId) {
        call("delete user", () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() >= 300 && response.getStatus() != 404) {
                    throw new UnavailableException("Keycloak answered " + response.getStatus() + " to a deletion", null);
                }
            }
            return null;
        });
    }

    @Override
    public void disableUser(String userId) {
        call("disable user", () -> {
            var user = realm().users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(false);
            user.update(representation);
            user.logout();
            return null;
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (DuplicateUserException | RefusedFieldException | UnavailableException e) {
            throw e;
        } catch (WebApplicationException | ProcessingException e) {
            throw new UnavailableException("Keycloak could not " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UnavailableException("Keycloak could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static String idFrom(Response response) {
        String path = response.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static RefusedFieldException refusal(Response response) {
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        KeycloakRefusal.Refused refused = KeycloakRefusal.of(body);
        return new RefusedFieldException(refused.field(), refused.reason());
    }
}
