package io.consulta.common.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A production broker with TLS and SASL: every kafka.* setting reaches the clients built by hand. */
class KafkaClientConfigTest {

    private static final Map<String, Object> SECURED_BROKER = Map.of(
            "bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.id", "auth-service",
            "acks", "0");

    @Test
    void theOutboxRelaysProducerGetsEverySettingAndKeepsItsOwnGuarantees() {
        OutboxRelay relay = new OutboxRelay(null, "consulta_auth",
                new OutboxRelayTest.Settings(List.of("profiles"), Duration.ofSeconds(1)), SECURED_BROKER);

        Map<String, Object> config = relay.producerConfig();

        assertThat(config).containsEntry("bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .doesNotContainKey("group.id");
    }

    @Test
    void eachKindOfClientGetsTheSettingsItKnows() {
        Map<String, Object> consumer = KafkaClientConfig.consumer(SECURED_BROKER, Map.of("enable.auto.commit", false));
        Map<String, Object> admin = KafkaClientConfig.admin(SECURED_BROKER, Map.of());

        assertThat(consumer).containsEntry("group.id", "auth-service").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("enable.auto.commit", false).doesNotContainKey("acks");
        assertThat(admin).containsEntry("sasl.mechanism", "SCRAM-SHA-512").doesNotContainKey("group.id")
                .doesNotContainKey("acks");
    }
}
