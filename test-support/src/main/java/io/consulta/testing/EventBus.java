package io.consulta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The test broker seen from outside the service under test: publish other services' events ({@link CloudEvents}),
 * and read what the service published.
 */
public final class EventBus {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private EventBus() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes an event (see {@link CloudEvents}) and returns its id. */
    public static String publish(String topic, String type, String key, Map<String, Object> data) {
        return CloudEvents.publish(bootstrap(), "/test", topic, type, key, data).id();
    }

    /** Reads the topic from the beginning until an event matches, or fails after the timeout. */
    public static JsonNode await(String topic, Predicate<JsonNode> matches, Duration timeout) {
        List<JsonNode> all = awaitAll(topic, matches, 1, timeout);
        return all.getFirst();
    }

    /** Reads the topic from the beginning until {@code count} events match, or fails after the timeout. */
    public static List<JsonNode> awaitAll(String topic, Predicate<JsonNode> matches, int count, Duration timeout) {
        List<JsonNode> matching = new ArrayList<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode event = JSON.readTree(record.value());
                    seen++;
                    if (matches.test(event)) {
                        matching.add(event);
                        if (matching.size() == count) {
                            return matching;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("expected " + count + " matching events on " + topic + " within " + timeout
                + ", found " + matching.size() + " among " + seen);
    }
}
