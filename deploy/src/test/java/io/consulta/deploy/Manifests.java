package io.consulta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rendered overlay, every document read into its model: fabric8's for Kubernetes kinds, Strimzi's own for
 * Kafka, KafkaNodePool and KafkaTopic. The Keycloak and MongoDB operators publish no model on Maven Central: their
 * resources stay {@link GenericKubernetesResource}s, checked field by field in {@link OperatorResourcesTest}.
 * A kind with no model here fails the build, so nothing slips through unread.
 */
final class Manifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", GenericKubernetesResource.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", GenericKubernetesResource.class),
            Map.entry("mongodbcommunity.mongodb.com/v1/MongoDBCommunity", GenericKubernetesResource.class));
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private final String name;
    private final List<JsonNode> documents;
    private final List<HasMetadata> resources;

    private Manifests(String name, List<JsonNode> documents) {
        this.name = name;
        this.documents = documents;
        this.resources = documents.stream().map(Manifests::model).toList();
    }

    /** deploy/k8s/overlays/{@code overlay}, rendered once per test run. */
    static Manifests overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay,
                key -> parse(key, Kustomize.render(Repo.path("deploy/k8s/overlays/" + key))));
    }

    static Manifests parse(String name, String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (values.hasNext()) {
                    JsonNode document = (JsonNode) values.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        documents.add(document);
                    }
                }
            }
            return new Manifests(name, List.copyOf(documents));
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static HasMetadata model(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends HasMetadata> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalStateException("no model for " + type + " (" + document.path("metadata").path("name")
                    + "): add one to Manifests.MODELS and tests for it");
        }
        return SERIALIZATION.convertValue(document, model);
    }

    String name() {
        return name;
    }

    List<HasMetadata> all() {
        return resources;
    }

    List<JsonNode> documents() {
        return documents;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String resourceName) {
        return find(type, resourceName).orElseThrow(
                () -> new AssertionError(name + " has no " + type.getSimpleName() + " " + resourceName));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst();
    }

    /** Pod templates of the Deployments and StatefulSets, by workload name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new java.util.LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    @Override
    public String toString() {
        return "overlay " + name;
    }
}
