package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The image recipe and the manifests agree: the user, the ports, the heap sized from the limit, no borrowed base. */
class ImageRecipeTest {

    private static String recipe() throws Exception {
        return Files.readString(Repo.path("deploy/docker/Dockerfile.jvm"));
    }

    @Test
    void theBaseIsAnArgumentNotABorrowedTag() throws Exception {
        List<String> froms = recipe().lines().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(froms).containsExactly("FROM ${BASE_IMAGE}");
        assertThat(recipe()).contains("ARG BASE_IMAGE");
    }

    @Test
    void theImageRunsAsTheUserAndOnThePortsTheDeploymentsExpect() throws Exception {
        Deployment auth = Manifests.overlay("prod").named(Deployment.class, "auth-service");
        Container app = auth.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(recipe()).contains("USER " + auth.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertThat(recipe()).contains("EXPOSE " + String.join(" ",
                app.getPorts().stream().map(p -> String.valueOf(p.getContainerPort())).toList()));
        assertThat(recipe()).contains("QUARKUS_HTTP_PORT=8080", "QUARKUS_MANAGEMENT_PORT=9000");
    }

    @Test
    void theHeapIsSizedFromTheContainerLimit() throws Exception {
        assertThat(recipe()).containsPattern("JAVA_OPTS=\"[^\"]*-XX:MaxRAMPercentage=\\d+")
                .doesNotContainPattern("JAVA_OPTS=\"[^\"]*-Xmx");
    }
}
