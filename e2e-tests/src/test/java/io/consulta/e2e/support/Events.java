package io.consulta.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.localstack.StackConfig;
import io.consulta.testing.CloudEvents;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Reads CloudEvents from the stack's Kafka, from the moment the watch starts. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKER = "localhost:" + StackConfig.KAFKA_PORT;

    private Events() {
    }

    public static EventWatcher watch(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
                new StringDeserializer(), new StringDeserializer());
        ensureTopic(topic);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
        return new EventWatcher(consumer);
    }

    /**
     * Publishes a CloudEvent (structured JSON, as the outbox relays write them) as if another service had: for
     * consumer behaviour that no public API can trigger quickly, such as a reminder falling due. Returns its id.
     */
    public static String publish(String topic, String type, String subject, Map<String, Object> data) {
        return send(topic, type, subject, data).id();
    }

    /**
     * Publishes like {@link #publish} and returns once the consumer group has committed past the event: topics are
     * consumed independently, so a test that needs one event applied before the next (a doctor's name before the
     * reminder that quotes it) waits here instead of racing.
     */
    public static String publishConsumedBy(String group, String topic, String type, String subject,
                                           Map<String, Object> data, Duration timeout) {
        CloudEvents.Published sent = send(topic, type, subject, data);
        TopicPartition partition = new TopicPartition(topic, sent.metadata().partition());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                if (committed != null && committed.offset() > sent.metadata().offset()) {
                    return sent.id();
                }
                Thread.sleep(200);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError(group + " did not consume " + type + " within " + timeout);
    }

    private static CloudEvents.Published send(String topic, String type, String subject, Map<String, Object> data) {
        return CloudEvents.publish(BROKER, "/e2e-tests", topic, type, subject, data);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER));
    }

    /** A watch may start before any service has published on the topic; it must still see the first event. */
    private static void ensureTopic(String topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events seen so far are kept, so several awaits on one watcher each find their event. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    public static final class EventWatcher implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<JsonNode> seen = new ArrayList<>();

        public JsonNode await(Predicate<JsonNode> matches, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (JsonNode event : seen) {
                    if (matches.test(event)) {
                        return event;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no matching event within " + timeout + "; saw: " + seen);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    seen.add(parse(record.value()));
                }
            }
        }

        public JsonNode awaitType(String type, String subject, Duration timeout) {
            return await(e -> type.equals(e.path("type").asText()) && subject.equals(e.path("subject").asText()),
                    timeout);
        }

        private static JsonNode parse(String value) {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
