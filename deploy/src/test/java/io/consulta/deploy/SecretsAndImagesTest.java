package io.consulta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret value is written in a manifest (outside dev's local-only generated Secrets), and every image is pinned. */
class SecretsAndImagesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY|URI)$");

    @Test
    void productionCarriesNoSecretAtAll() {
        assertThat(Manifests.overlay("prod").all(Secret.class)).isEmpty();
        assertThat(Manifests.overlay("prod").documents().toString())
                .doesNotContain("Demo-2026", "consulta-local-auth-service-secret");
    }

    @Test
    void devSecretsAreOnlyTheGeneratedLocalOnes() {
        assertThat(Manifests.overlay("dev").all(Secret.class)).extracting(s -> s.getMetadata().getName())
                .allMatch(name -> name.matches("consulta-(secrets|smtp)-[a-z0-9]{10}"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretLookingVariablesComeFromSecretsNeverFromLiterals(String overlay) {
        List<String> literal = new ArrayList<>();
        for (var workload : Manifests.overlay(overlay).podTemplates().entrySet()) {
            for (Container container : containers(workload.getValue())) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches() && env.getValueFrom() == null) {
                        literal.add(workload.getKey() + "/" + container.getName() + " " + env.getName());
                    }
                }
            }
        }
        for (JsonNode document : Manifests.overlay(overlay).documents()) {
            if (document.path("kind").asText().equals("ConfigMap")) {
                document.path("data").fieldNames().forEachRemaining(key -> {
                    if (SECRET_NAME.matcher(key).matches() && !key.endsWith("_SERVER_URL")) {
                        literal.add("ConfigMap " + document.path("metadata").path("name").asText() + " " + key);
                    }
                });
            }
        }

        assertThat(literal).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsPinnedByTag(String overlay) {
        List<String> images = new ArrayList<>();
        Manifests.overlay(overlay).podTemplates().values().forEach(pod -> containers(pod).forEach(c -> images.add(c.getImage())));
        Manifests.overlay(overlay).custom("Keycloak").forEach(k -> images.add(OperatorResourcesTest.spec(k).path("image").asText()));

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String tag = image.contains("@sha256:") ? "digest" : image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(image).contains(":").doesNotEndWith(":latest");
        });
    }

    private static List<Container> containers(PodTemplateSpec pod) {
        List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
        all.addAll(pod.getSpec().getInitContainers());
        return all;
    }
}
