package io.consulta.common.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * What auth-service tells the others on {@value Topics#IDENTITY}: public profile fields only, never credentials.
 * The schemas are {@code events/<type>.schema.json}.
 */
public final class IdentityEvents {

    public static final String TOPIC = Topics.IDENTITY;
    public static final String USER_REGISTERED = "user.registered";
    public static final String DOCTOR_APPROVED = "doctor.approved";
    public static final String DOCTOR_REJECTED = "doctor.rejected";
    public static final String PROFILE_UPDATED = "profile.updated";
    public static final String USER_DISABLED = "user.disabled";

    public static final List<String> TYPES =
            List.of(USER_REGISTERED, DOCTOR_APPROVED, DOCTOR_REJECTED, PROFILE_UPDATED, USER_DISABLED);

    private IdentityEvents() {
    }

    /**
     * The data of every identity event. {@code dateOfBirth} is a patient's (may be absent), {@code licenceNumber} a
     * doctor's; {@code reason} only on {@code doctor.rejected} and {@code user.disabled}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentityData(String userId, String role, String status, String name, String email, String specialty,
                               List<String> languages, String reason, LocalDate dateOfBirth, String licenceNumber) {

        public IdentityData withReason(String why) {
            return new IdentityData(userId, role, status, name, email, specialty, languages, why, dateOfBirth,
                    licenceNumber);
        }
    }
}
