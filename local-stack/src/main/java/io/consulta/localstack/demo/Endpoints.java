package io.consulta.localstack.demo;

/**
 * Where the demo loader finds Keycloak's token endpoint and the services it fills; without a notes-service address the
 * journal part of the demo is left out.
 */
public record Endpoints(String tokenUrl, String authService, String appointmentService, String notesService) {

    public static final String WEB_CLIENT = "consulta-web";

    public Endpoints(String tokenUrl, String authService, String appointmentService) {
        this(tokenUrl, authService, appointmentService, null);
    }
}
