package io.consulta.localstack.demo;

/** Where the demo loader finds Keycloak's token endpoint and the two services it fills. */
public record Endpoints(String tokenUrl, String authService, String appointmentService) {

    public static final String WEB_CLIENT = "consulta-web";
}
