package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Service reaches pods that exist, on ports they listen on, and none exposes the management interface. */
class ServicesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsPodsThatExistOnPortsTheyListenOn(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, PodTemplateSpec> workloads = manifests.podTemplates();

        for (Service service : manifests.all(Service.class)) {
            String name = service.getMetadata().getName();
            List<String> selected = workloads.entrySet().stream()
                    .filter(w -> Selectors.selects(service.getSpec().getSelector(), w.getValue().getMetadata().getLabels()))
                    .map(Map.Entry::getKey).toList();
            assertThat(selected).as("workloads selected by Service " + name).isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                for (String workload : selected) {
                    assertThat(Selectors.containerPort(workloads.get(workload), port.getTargetPort()))
                            .as("Service %s port %s -> %s of %s", name, port.getName(), port.getTargetPort(), workload)
                            .isPresent().get().isNotEqualTo(9000);
                }
                assertThat(port.getName()).as("Service " + name).isNotEqualTo("management");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesKeepTheirUsualPortsOnTheOutside(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        assertThat(List.of("auth-service", "appointment-service", "chat-service", "notes-service", "media-service", "web"))
                .extracting(name -> name + ":" + manifests.named(Service.class, name).getSpec().getPorts().getFirst().getPort())
                .containsExactly("auth-service:8081", "appointment-service:8082", "chat-service:8083",
                        "notes-service:8084", "media-service:8085", "web:8080");
    }
}
