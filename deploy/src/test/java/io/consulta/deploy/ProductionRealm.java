package io.consulta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The production realm is the development realm (deploy/keycloak/consulta-realm.json) without what only belongs on
 * a developer's machine: the demo users and their published passwords, localhost redirect URIs, the password grant
 * for scripts, and the local default of the auth-service client secret (production takes it from Secret
 * consulta-secrets through the import's placeholder). Its form is a KeycloakRealmImport, committed as
 * deploy/k8s/overlays/prod/keycloak-realm-import.yaml; {@link ProductionRealmTest} fails when the two drift and says
 * how to regenerate it.
 */
final class ProductionRealm {

    static final String WEB_ORIGIN = "https://consulta.example.com";
    static final String CLIENT_SECRET_PLACEHOLDER = "CONSULTA_AUTH_SERVICE_CLIENT_SECRET";
    static final Path DEV_REALM = Repo.path("deploy/keycloak/consulta-realm.json");
    static final Path IMPORT = Repo.path("deploy/k8s/overlays/prod/keycloak-realm-import.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ProductionRealm() {
    }

    static JsonNode from(JsonNode devRealm) {
        ObjectNode realm = devRealm.deepCopy();
        ArrayNode users = realm.putArray("users");
        devRealm.path("users").forEach(user -> {
            if (user.hasNonNull("serviceAccountClientId")) {
                users.add(user.deepCopy());
            }
        });
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            switch (client.path("clientId").asText()) {
                case "consulta-web" -> {
                    client.putArray("redirectUris").add(WEB_ORIGIN + "/*");
                    client.putArray("webOrigins").add(WEB_ORIGIN);
                    client.with("attributes").put("post.logout.redirect.uris", WEB_ORIGIN + "/*");
                    client.put("directAccessGrantsEnabled", false);
                }
                case "auth-service" -> client.put("secret", "${" + CLIENT_SECRET_PLACEHOLDER + "}");
                default -> { }
            }
        }
        if (realm.path("smtpServer").isObject()) {
            // Production mail goes to the clinic's relay, which the operator must name: no local default.
            ((ObjectNode) realm.get("smtpServer")).put("host", "${CONSULTA_SMTP_HOST}");
        }
        return realm;
    }

    /** The KeycloakRealmImport document for {@code realm}, with the client secret wired to Secret consulta-secrets. */
    static String importDocument(JsonNode realm) throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        document.putObject("metadata").put("name", "consulta-realm");
        ObjectNode spec = document.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.putObject("placeholders").putObject(CLIENT_SECRET_PLACEHOLDER).putObject("secret")
                .put("name", "consulta-secrets").put("key", "keycloak-client-secret");
        spec.set("realm", realm);
        return """
                # GENERATED from deploy/keycloak/consulta-realm.json by ProductionRealm (deploy module tests): the dev realm
                # without demo users, localhost redirects, the password grant and the local client secret. Do not edit;
                # regenerate: ./mvnw -pl deploy test -Dtest=ProductionRealmTest -Dconsulta.realm.write=true
                """ + YAML.writeValueAsString(document);
    }

    static JsonNode devRealm() throws IOException {
        return JSON.readTree(Files.readString(DEV_REALM));
    }
}
