package io.consulta.common.events;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings for the Kafka clients Consulta builds by hand (outbox relay, chat fan-out): every {@code kafka.*} setting
 * the messaging channels get (Quarkus' {@code default-kafka-broker} map: bootstrap servers, TLS, SASL, ...) that the
 * client kind knows, then the client's own settings, which win: they carry its delivery guarantees.
 */
public final class KafkaClientConfig {

    /** The CDI name of the map of {@code kafka.*} settings, without the prefix. */
    public static final String BROKER = "default-kafka-broker";

    private KafkaClientConfig() {
    }

    public static Map<String, Object> producer(Map<String, Object> broker, Map<String, Object> own) {
        return merge(ProducerConfig.configNames(), broker, own);
    }

    public static Map<String, Object> consumer(Map<String, Object> broker, Map<String, Object> own) {
        return merge(ConsumerConfig.configNames(), broker, own);
    }

    public static Map<String, Object> admin(Map<String, Object> broker, Map<String, Object> own) {
        return merge(AdminClientConfig.configNames(), broker, own);
    }

    private static Map<String, Object> merge(Set<String> known, Map<String, Object> broker, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>();
        broker.forEach((name, value) -> {
            if (known.contains(name)) {
                config.put(name, value);
            }
        });
        config.putAll(own);
        return config;
    }
}
