package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders, every document reads into its model without unknown fields, every workload is locked down. */
class WorkloadsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final List<String> OUR_DEPLOYMENTS = List.of("auth-service", "appointment-service", "chat-service",
            "notes-service", "media-service", "web");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentReadsIntoItsModelWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        assertThat(manifests.all()).hasSizeGreaterThan(20);
        for (HasMetadata resource : manifests.all()) {
            assertThat(ModelCheck.unknownFields(resource))
                    .as("%s %s %s: fields the model does not know", overlay, resource.getKind(), resource.getMetadata().getName())
                    .isEmpty();
            assertThat(resource.getMetadata().getNamespace()).as(resource.getKind() + " " + resource.getMetadata().getName())
                    .isIn("consulta", null);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesAndTheWebAppAreDeployed(String overlay) {
        assertThat(Manifests.overlay(overlay).all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsAll(OUR_DEPLOYMENTS);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasProbesResourcesAndALockedDownContainer(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        List<String> broken = manifests.all(Deployment.class).stream()
                .flatMap(deployment -> WorkloadRules.violations(overlay, deployment).stream()).toList();

        assertThat(broken).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void ourProbesAskTheManagementInterfaceWhichIsTheOnlyPortBesideHttp(String overlay) {
        for (Deployment deployment : Manifests.overlay(overlay).all(Deployment.class)) {
            if (!OUR_DEPLOYMENTS.contains(deployment.getMetadata().getName())) {
                continue;
            }
            Container app = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(app.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                    .containsExactly("http:8080", "management:9000");
            Stream.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe()).forEach(probe -> {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
                assertThat(probe.getHttpGet().getPath()).startsWith("/q/health/");
            });
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", "9000");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void statefulSetsRunAsNonRootWithoutPrivilegesAndWithResources(String overlay) {
        for (StatefulSet set : Manifests.overlay(overlay).all(StatefulSet.class)) {
            var pod = set.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(set.getMetadata().getName()).isTrue();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
                assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).containsKey("memory");
                assertThat(container.getReadinessProbe()).isNotNull();
                assertThat(container.getLivenessProbe()).isNotNull();
            }
        }
    }

    /** The checks above can fail: a Deployment that lost its limits is caught, by name. */
    @Test
    void aDeploymentWithoutLimitsIsCaught() {
        Deployment auth = Manifests.overlay("prod").named(Deployment.class, "auth-service");
        assertThat(WorkloadRules.violations("prod", auth)).isEmpty();

        Deployment withoutLimits = Manifests.SERIALIZATION.clone(auth);
        withoutLimits.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().setLimits(null);

        assertThat(WorkloadRules.violations("prod", withoutLimits))
                .containsExactly("auth-service/app: no cpu limit", "auth-service/app: no memory limit");
    }

    @Test
    void aDeploymentWithoutProbesOrRunningAsRootIsCaught() {
        Deployment auth = Manifests.SERIALIZATION.clone(Manifests.overlay("prod").named(Deployment.class, "auth-service"));
        Container app = auth.getSpec().getTemplate().getSpec().getContainers().getFirst();
        app.setReadinessProbe(null);
        app.getSecurityContext().setReadOnlyRootFilesystem(false);
        auth.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);

        assertThat(WorkloadRules.violations("prod", auth)).containsExactlyInAnyOrder(
                "auth-service/app: no readinessProbe",
                "auth-service/app: not runAsNonRoot with a numeric non-zero runAsUser",
                "auth-service/app: root filesystem not read-only");
    }

    @Test
    void aMisspeltFieldIsCaughtByTheModelCheck() {
        Manifests broken = Manifests.parse("broken", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: consulta/app:1.0.0
                          readinesProbe: {httpGet: {path: /q/health/ready, port: management}}
                """);

        assertThat(ModelCheck.unknownFields(broken.all().getFirst()))
                .containsExactly(".spec.template.spec.containers[0].readinesProbe");
    }
}
