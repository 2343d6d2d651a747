package io.consulta.auth.domain;

/** Where credentials live (Keycloak). auth-service keeps profiles; this port keeps users and their realm roles. */
public interface IdentityProvider {

    record NewUser(String email, String password, String firstName, String lastName) {
    }

    /** Creates an enabled user with a password; returns its id (the future token {@code sub}). */
    String createUser(NewUser user);

    void grantRealmRole(String userId, String role);

    /** Sends the user the identity provider's "verify your e-mail address" message (Keycloak's VERIFY_EMAIL action). */
    void sendVerificationEmail(String userId);

    void deleteUser(String userId);

    /** Disables the user and ends its sessions, so existing refresh tokens stop working. */
    void disableUser(String userId);

    /** The identity provider already has a user with this e-mail. */
    class DuplicateUserException extends RuntimeException {
        public DuplicateUserException(String message) {
            super(message);
        }
    }

    /**
     * The identity provider refused a field of the sign-up (its password policy or user profile may be stricter than
     * our validation): {@code field} is {@code name}, {@code email} or {@code password}, or null when it named none.
     */
    class RefusedFieldException extends RuntimeException {
        private final String field;

        public RefusedFieldException(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The identity provider could not be reached or failed. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
