package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies admit exactly the traffic the design needs, checked over every pair of pods and every port
 * they listen on: browsers through the ingress controller, Prometheus on the management port, the services to
 * Keycloak, MongoDB and Kafka, the infrastructure to itself. Never a service to another service (they learn from
 * each other's events), never anything from another namespace.
 */
class NetworkPolicyTest {

    private static final String NAMESPACE = "consulta";
    private static final List<String> SERVICES = List.of("auth-service", "appointment-service", "chat-service",
            "notes-service", "media-service");

    /** A pod that may send or receive: namespace, labels and the ports it listens on (name -> number). */
    record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    @Test
    void devAdmitsExactlyTheDesignedTraffic() {
        Manifests dev = Manifests.overlay("dev");
        List<Pod> pods = podsOf(dev);

        Set<String> expected = trafficOfEveryEnvironment();
        for (String service : SERVICES) {
            expected.add(service + " -> kafka:9092");
        }

        assertThat(allowed(dev, pods)).containsExactlyElementsOf(expected);
    }

    @Test
    void prodAdmitsExactlyTheDesignedTraffic() {
        Manifests prod = Manifests.overlay("prod");
        List<Pod> pods = new ArrayList<>(podsOf(prod));
        // Pods the operators create, with the labels and ports they give them.
        pods.add(new Pod("keycloak", NAMESPACE, Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", "keycloak"), Map.of("http", 8080, "management", 9000, "jgroups", 7800, "jgroups-fd", 57800)));
        pods.add(new Pod("mongo", NAMESPACE, Map.of("app", "consulta-mongo-svc"), Map.of("mongodb", 27017)));

        Set<String> expected = trafficOfEveryEnvironment();
        expected.add("keycloak -> keycloak:7800");
        expected.add("keycloak -> keycloak:57800");
        expected.add("mongo -> mongo:27017");

        assertThat(allowed(prod, pods)).containsExactlyElementsOf(expected);
    }

    /** Users in through the ingress, metrics out to Prometheus, every service to Keycloak and its database. */
    private static Set<String> trafficOfEveryEnvironment() {
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            expected.add("ingress-controller -> " + service + ":8080");
            expected.add("prometheus -> " + service + ":9000");
            expected.add(service + " -> keycloak:8080");
            expected.add(service + " -> mongo:27017");
        }
        expected.add("ingress-controller -> web:8080");
        expected.add("prometheus -> web:9000");
        expected.add("ingress-controller -> keycloak:8080");
        expected.add("prometheus -> keycloak:9000");
        return expected;
    }

    /** Strimzi writes Kafka's NetworkPolicy from the listener: only the five services may connect. */
    @Test
    void prodKafkaAdmitsOnlyTheServices() {
        Kafka kafka = Manifests.overlay("prod").named(Kafka.class, "consulta-kafka");

        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            assertThat(listener.getNetworkPolicyPeers()).as(listener.getName()).hasSize(1);
            LabelSelector peers = listener.getNetworkPolicyPeers().getFirst().getPodSelector();
            assertThat(listener.getNetworkPolicyPeers().getFirst().getNamespaceSelector()).isNull();
            for (Pod pod : podsOf(Manifests.overlay("prod"))) {
                boolean admitted = pod.namespace().equals(NAMESPACE) && Selectors.matches(peers, pod.labels());
                assertThat(admitted).as(pod.name()).isEqualTo(SERVICES.contains(pod.name()));
            }
        }
    }

    private static List<Pod> podsOf(Manifests manifests) {
        List<Pod> pods = new ArrayList<>();
        for (Map.Entry<String, PodTemplateSpec> workload : manifests.podTemplates().entrySet()) {
            Map<String, Integer> ports = new java.util.LinkedHashMap<>();
            workload.getValue().getSpec().getContainers().forEach(c -> c.getPorts().forEach(p ->
                    ports.put(p.getName() == null ? String.valueOf(p.getContainerPort()) : p.getName(), p.getContainerPort())));
            pods.add(new Pod(workload.getKey(), NAMESPACE, workload.getValue().getMetadata().getLabels(), ports));
        }
        // Senders from elsewhere: the ingress controller, Prometheus, and anything else in the cluster.
        pods.add(new Pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of()));
        pods.add(new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of()));
        pods.add(new Pod("stranger", "default", Map.of("app.kubernetes.io/component", "api"), Map.of()));
        return pods;
    }

    private static Set<String> allowed(Manifests manifests, List<Pod> pods) {
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        Set<String> allowed = new TreeSet<>();
        for (Pod target : pods) {
            if (!target.namespace().equals(NAMESPACE)) {
                continue;
            }
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                    .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), target.labels())).toList();
            assertThat(selecting).as("policies isolating " + target.name()).isNotEmpty();
            // A workload as source of itself stands for its other replicas (Keycloak's cluster, MongoDB's replication).
            for (Pod source : pods) {
                for (Map.Entry<String, Integer> port : target.ports().entrySet()) {
                    boolean admitted = selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                            .anyMatch(rule -> admits(rule, source, port.getKey(), port.getValue()));
                    if (admitted) {
                        allowed.add(source.name() + " -> " + target.name() + ":" + port.getValue());
                    }
                }
            }
        }
        return allowed;
    }

    private static boolean admits(NetworkPolicyIngressRule rule, Pod source, String portName, int portNumber) {
        boolean fromOk = rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> matches(peer, source));
        boolean portOk = rule.getPorts().isEmpty() || rule.getPorts().stream().anyMatch(p -> matches(p, portName, portNumber));
        return fromOk && portOk;
    }

    private static boolean matches(NetworkPolicyPeer peer, Pod source) {
        if (peer.getIpBlock() != null) {
            throw new AssertionError("ipBlock peers are not expected in these policies");
        }
        Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", source.namespace());
        if (peer.getNamespaceSelector() == null) {
            return source.namespace().equals(NAMESPACE) && Selectors.matches(peer.getPodSelector(), source.labels());
        }
        return Selectors.matches(peer.getNamespaceSelector(), namespaceLabels)
                && (peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), source.labels()));
    }

    private static boolean matches(NetworkPolicyPort port, String portName, int portNumber) {
        IntOrString wanted = port.getPort();
        return wanted == null || (wanted.getIntVal() != null ? wanted.getIntVal() == portNumber : wanted.getStrVal().equals(portName));
    }
}
