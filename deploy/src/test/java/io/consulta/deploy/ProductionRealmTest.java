package io.consulta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed production realm import is the dev realm minus what only belongs on a developer's machine. */
class ProductionRealmTest {

    @Test
    void theCommittedImportIsTheDevRealmWithoutDemoUsers() throws Exception {
        String expected = ProductionRealm.importDocument(ProductionRealm.from(ProductionRealm.devRealm()));
        if (Boolean.getBoolean("consulta.realm.write")) {
            Files.writeString(ProductionRealm.IMPORT, expected);
        }

        assertThat(Files.readString(ProductionRealm.IMPORT))
                .as("deploy/k8s/overlays/prod/keycloak-realm-import.yaml is out of date with the dev realm; regenerate: "
                        + "./mvnw -pl deploy test -Dtest=ProductionRealmTest -Dconsulta.realm.write=true")
                .isEqualTo(expected);
    }

    @Test
    void theProductionRealmHasNoDemoUserNoPasswordAndNoLocalhost() {
        GenericKubernetesResource realmImport = Manifests.overlay("prod").custom("KeycloakRealmImport").getFirst();
        JsonNode realm = Manifests.SERIALIZATION.convertValue(realmImport.getAdditionalProperties().get("spec"), JsonNode.class)
                .path("realm");

        assertThat(realm.path("realm").asText()).isEqualTo("consulta");
        assertThat(realm.path("users")).extracting(user -> user.path("username").asText())
                .containsExactly("service-account-auth-service");
        assertThat(realm.toString()).doesNotContain("localhost", "127.0.0.1", "localtest.me", "Demo-2026",
                "consulta-local-auth-service-secret");
        JsonNode web = client(realm, "consulta-web");
        assertThat(web.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(web.path("redirectUris")).extracting(JsonNode::asText).containsExactly("https://consulta.example.com/*");
        assertThat(client(realm, "auth-service").path("secret").asText()).isEqualTo("${CONSULTA_AUTH_SERVICE_CLIENT_SECRET}");
    }

    @Test
    void theDevRealmStillHasTheDemoUsersTheLocalStackPrints() throws Exception {
        assertThat(ProductionRealm.devRealm().path("users")).extracting(user -> user.path("username").asText())
                .contains("alice@consulta.local", "dr.house@consulta.local", "admin@consulta.local");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
