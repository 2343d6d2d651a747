package io.consulta.localstack;

import java.util.List;

/** The demo accounts of deploy/keycloak/consulta-realm.json (local use only; the README lists them too). */
public final class DemoUsers {

    public record DemoUser(String role, String username, String password, String name) {
    }

    public static final DemoUser ADMIN = new DemoUser("admin", "admin@consulta.local", "Admin-Demo-2026!", "Ada Admin");
    public static final DemoUser DOCTOR_HOUSE = new DemoUser("doctor", "dr.house@consulta.local", "Doctor-Demo-2026!", "Gregory House");
    public static final DemoUser DOCTOR_QUINN = new DemoUser("doctor", "dr.quinn@consulta.local", "Doctor-Demo-2026!", "Michaela Quinn");
    public static final DemoUser PATIENT_ALICE = new DemoUser("patient", "alice@consulta.local", "Patient-Demo-2026!", "Alice Martin");
    public static final DemoUser PATIENT_BOB = new DemoUser("patient", "bob@consulta.local", "Patient-Demo-2026!", "Bob Silva");

    public static final List<DemoUser> ALL = List.of(ADMIN, DOCTOR_HOUSE, DOCTOR_QUINN, PATIENT_ALICE, PATIENT_BOB);

    private DemoUsers() {
    }
}
