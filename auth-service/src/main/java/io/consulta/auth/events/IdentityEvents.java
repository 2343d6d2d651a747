package io.consulta.auth.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consulta.auth.store.Profile;

import java.util.List;

/** What auth-service tells the others on consulta.identity: public profile fields only, never credentials. */
public final class IdentityEvents {

    public static final String TOPIC = "consulta.identity";
    public static final String USER_REGISTERED = "user.registered";
    public static final String DOCTOR_APPROVED = "doctor.approved";
    public static final String DOCTOR_REJECTED = "doctor.rejected";
    public static final String PROFILE_UPDATED = "profile.updated";
    public static final String USER_DISABLED = "user.disabled";

    private IdentityEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentityData(String userId, String role, String status, String name, String email, String specialty,
                               List<String> languages, String reason) {

        public static IdentityData of(Profile profile) {
            return new IdentityData(profile.id, profile.role, profile.status.name(), profile.name, profile.email,
                    profile.specialty, profile.isDoctor() ? profile.languages : null, null);
        }

        public IdentityData withReason(String why) {
            return new IdentityData(userId, role, status, name, email, specialty, languages, why);
        }
    }
}
