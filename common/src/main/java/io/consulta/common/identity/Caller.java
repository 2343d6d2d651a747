package io.consulta.common.identity;

import io.consulta.common.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, read from the bearer token: {@code sub} as the user id, realm roles, display name and e-mail.
 * Inject it wherever a request needs to know its caller; it is the only place that reads token claims.
 */
@RequestScoped
@RequiredArgsConstructor
public class Caller {

    private final SecurityIdentity identity;

    public boolean isAuthenticated() {
        return identity != null && !identity.isAnonymous();
    }

    /** The caller's user id (token {@code sub}); 401 for anonymous callers. */
    public String id() {
        if (!isAuthenticated()) {
            throw ApiException.unauthorized("A valid bearer token from the consulta realm is required");
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    public Set<String> roles() {
        return isAuthenticated() ? Set.copyOf(identity.getRoles()) : Set.of();
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public boolean isPatient() {
        return hasRole(Role.PATIENT);
    }

    public boolean isDoctor() {
        return hasRole(Role.DOCTOR);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    public String name() {
        String name = claim("name");
        if (name == null) {
            String given = claim("given_name");
            String family = claim("family_name");
            if (given != null || family != null) {
                name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
            }
        }
        return name != null ? name : claim("preferred_username");
    }

    public String email() {
        return claim("email");
    }

    /** Whether the identity provider has seen the caller prove their e-mail address (token {@code email_verified}). */
    public boolean emailVerified() {
        return "true".equals(claim("email_verified"));
    }

    private String claim(String name) {
        if (isAuthenticated() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof JsonString text) {
                return text.getString();
            }
            return value == null ? null : value.toString();
        }
        return null;
    }
}
