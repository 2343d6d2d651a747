package io.consulta.common.identity;

/** Realm roles of the consulta realm, as they appear in {@code realm_access.roles}. */
public final class Role {

    public static final String PATIENT = "patient";
    public static final String DOCTOR = "doctor";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
