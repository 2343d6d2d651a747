package io.consulta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's infrastructure as the operators' custom resources. Strimzi's are read into Strimzi's own model
 * (io.strimzi:api; {@link WorkloadsTest} fails on any field it does not know). The Keycloak and MongoDB Community
 * operators publish no model on Maven Central, so their resources are checked here field by field against the
 * operators' documented CRDs (k8s.keycloak.org/v2alpha1, mongodbcommunity.mongodb.com/v1).
 */
class OperatorResourcesTest {

    private static final List<String> SERVICES = List.of("auth-service", "appointment-service", "chat-service",
            "notes-service", "media-service");
    private static final Pattern TOPIC = Pattern.compile("^(mp\\.messaging\\.(incoming|outgoing)\\.([\\w-]+)\\.topic|consulta\\.[\\w.-]*topic)=(.+)$",
            Pattern.MULTILINE);
    /** Topics whose name is a default of a service's @ConfigMapping (chat's fan-out topic). */
    private static final Pattern TOPIC_DEFAULT = Pattern.compile("@WithDefault\\(\"(consulta\\.[a-z]+\\.fanout)\"\\)");
    private static final Pattern DEAD_LETTER = Pattern.compile("^mp\\.messaging\\.incoming\\.([\\w-]+)\\.failure-strategy=dead-letter-queue$",
            Pattern.MULTILINE);
    private static final Manifests PROD = Manifests.overlay("prod");

    @Test
    void kafkaIsThreeKraftNodesWithReplicatedTopicsAndNoAutoCreation() {
        Kafka kafka = PROD.named(Kafka.class, "consulta-kafka");
        KafkaNodePool nodes = PROD.named(KafkaNodePool.class, "nodes");

        assertThat(nodes.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "consulta-kafka");
        assertThat(nodes.getSpec().getReplicas()).isEqualTo(3);
        assertThat(nodes.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(nodes.getSpec().getResources().getLimits()).containsKeys("cpu", "memory");
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("auto.create.topics.enable", false).containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        assertThat(PROD.all(Deployment.class).getFirst().getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getEnvFrom()).isNotEmpty();
    }

    @Test
    void everyTopicTheServicesUseIsDeclaredWithPartitionsRetentionAndThreeReplicas() throws IOException {
        Set<String> used = topicsUsedByTheServices();
        assertThat(used).contains("consulta.identity", "consulta.appointments", "consulta.chat", "consulta.chat.fanout",
                "dead-letter-topic-identity");
        Set<String> produced = Set.of("consulta.identity", "consulta.appointments", "consulta.chat", "consulta.notes",
                "consulta.media");

        Map<String, KafkaTopic> declared = new java.util.HashMap<>();
        PROD.all(KafkaTopic.class).forEach(t -> declared.put(
                t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName(), t));

        assertThat(declared.keySet()).containsAll(used).containsAll(produced);
        for (KafkaTopic topic : declared.values()) {
            String name = topic.getMetadata().getName();
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", "consulta-kafka");
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(3);
            assertThat(topic.getSpec().getPartitions()).as(name).isPositive();
            assertThat(topic.getSpec().getConfig()).as(name).containsKey("retention.ms").containsEntry("min.insync.replicas", 2);
        }
        // The busy topics can be read by as many pods as the HPAs allow.
        assertThat(declared.get("consulta.chat").getSpec().getPartitions()).isEqualTo(6);
        assertThat(declared.get("consulta.appointments").getSpec().getPartitions()).isEqualTo(6);
        assertThat(declared.get("consulta.chat.fanout").getSpec().getConfig()).containsEntry("retention.ms", 3600000);
    }

    @Test
    void mongoIsAThreeMemberReplicaSetWithOneLeastPrivilegeUserPerServiceFromSecrets() {
        JsonNode mongo = spec(PROD.custom("MongoDBCommunity").getFirst());

        // Known top-level fields of the operator's MongoDBCommunity CRD only (a typo would be ignored by the operator).
        assertThat(fieldNames(mongo)).isSubsetOf("additionalConnectionStringConfig", "additionalMongodConfig", "agent",
                "arbiters", "automationConfig", "featureCompatibilityVersion", "memberConfig", "members", "prometheus",
                "replicaSetHorizons", "security", "statefulSet", "type", "users", "version");
        assertThat(mongo.path("members").asInt()).isEqualTo(3);
        assertThat(mongo.path("type").asText()).isEqualTo("ReplicaSet");
        assertThat(mongo.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(mongo.path("security").path("authentication").path("modes")).extracting(JsonNode::asText).containsExactly("SCRAM");
        assertThat(mongo.path("users")).extracting(u -> u.path("name").asText()).containsExactlyElementsOf(SERVICES);
        for (JsonNode user : mongo.path("users")) {
            String service = user.path("name").asText();
            assertThat(user.path("passwordSecretRef").path("name").asText()).isEqualTo("mongodb-" + service + "-password");
            assertThat(user.has("password")).isFalse();
            assertThat(user.path("roles")).hasSize(1);
            assertThat(user.path("roles").get(0).path("name").asText()).isEqualTo("readWrite");
            assertThat(user.path("roles").get(0).path("db").asText()).isEqualTo(database(service));
            assertThat(user.path("scramCredentialsSecretName").asText()).matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

            EnvVar uri = env(service, "MONGODB_URI");
            assertThat(uri.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.path("connectionStringSecretName").asText());
            assertThat(uri.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("connectionString.standard");
        }
    }

    @Test
    void keycloakRunsTwoInstancesOnPostgresWithTheRealmImportedFromSecrets() {
        GenericKubernetesResource keycloak = PROD.custom("Keycloak").getFirst();
        JsonNode spec = spec(keycloak);

        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.path("db").path("vendor").asText()).isEqualTo("postgres");
        assertThat(spec.path("db").path("usernameSecret").path("name").asText()).isEqualTo("keycloak-db");
        assertThat(spec.path("db").path("passwordSecret").path("name").asText()).isEqualTo("keycloak-db");
        assertThat(spec.path("hostname").path("hostname").asText()).startsWith("https://");
        assertThat(spec.path("http").path("httpEnabled").asBoolean()).isTrue();
        assertThat(spec.path("ingress").path("enabled").asBoolean(true)).isFalse();
        assertThat(spec.path("bootstrapAdmin").path("user").path("secret").asText()).isNotBlank();
        assertThat(spec.path("resources").path("limits").has("memory")).isTrue();
        // Known top-level fields of the operator's Keycloak CRD only (a typo would be ignored by the operator).
        assertThat(fieldNames(spec)).isSubsetOf("additionalOptions", "bootstrapAdmin", "cache", "db", "features",
                "hostname", "http", "httpManagement", "image", "imagePullSecrets", "ingress", "instances", "proxy",
                "resources", "scheduling", "startOptimized", "transaction", "truststores", "unsupported");

        JsonNode realmImport = spec(PROD.custom("KeycloakRealmImport").getFirst());
        assertThat(realmImport.path("keycloakCRName").asText()).isEqualTo(keycloak.getMetadata().getName());
        assertThat(fieldNames(realmImport)).isSubsetOf("keycloakCRName", "placeholders", "realm", "resources");
        assertThat(realmImport.path("placeholders").path(ProductionRealm.CLIENT_SECRET_PLACEHOLDER).path("secret").path("name").asText())
                .isEqualTo("consulta-secrets");

        // The services find Keycloak at the operator's Service, Kafka at Strimzi's bootstrap Service.
        String config = PROD.documents().stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst()
                .orElseThrow().path("data").toString();
        assertThat(config).contains("http://" + keycloak.getMetadata().getName() + "-service:8080/realms/consulta",
                "consulta-kafka-kafka-bootstrap:9092");
    }

    private static Set<String> topicsUsedByTheServices() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            Path properties = Repo.path(service + "/src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue;
            }
            String text = Files.readString(properties);
            Matcher topic = TOPIC.matcher(text);
            while (topic.find()) {
                topics.add(topic.group(4).trim());
            }
            Matcher deadLetter = DEAD_LETTER.matcher(text);
            while (deadLetter.find()) {
                topics.add("dead-letter-topic-" + deadLetter.group(1));
            }
            Path typedConfig = Repo.path(service + "/src/main/java/io/consulta/" + service.replace("-service", "")
                    + "/" + Character.toUpperCase(service.charAt(0)) + service.substring(1).replace("-service", "")
                    + "Config.java");
            if (Files.exists(typedConfig)) {
                Matcher defaultTopic = TOPIC_DEFAULT.matcher(Files.readString(typedConfig));
                while (defaultTopic.find()) {
                    topics.add(defaultTopic.group(1));
                }
            }
        }
        return topics;
    }

    private static String database(String service) {
        return "consulta_" + switch (service) {
            case "auth-service" -> "auth";
            case "appointment-service" -> "appointments";
            default -> service.substring(0, service.indexOf('-'));
        };
    }

    private static EnvVar env(String deployment, String name) {
        return PROD.named(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    static JsonNode spec(GenericKubernetesResource resource) {
        return Manifests.SERIALIZATION.convertValue(resource.getAdditionalProperties().get("spec"), JsonNode.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aMisspeltStrimziFieldIsCaughtByTheModelCheck() {
        Manifests broken = Manifests.parse("broken", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: consulta.typo, labels: {strimzi.io/cluster: consulta-kafka}}
                spec: {partition: 3, replicas: 3}
                """);

        assertThat(ModelCheck.unknownFields(broken.all().getFirst())).containsExactly(".spec.partition");
    }
}
