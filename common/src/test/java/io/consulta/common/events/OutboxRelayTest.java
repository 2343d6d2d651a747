package io.consulta.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.consulta.localstack.Kafka;
import io.consulta.localstack.ManagedProcess;
import io.consulta.localstack.Stack;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a real Kafka broker that is down when the events are written: nothing is lost while it is down,
 * every event id arrives exactly once after it comes up, in order per key, and the outbox ends empty.
 */
class OutboxRelayTest {

    private static final String TOPIC = "consulta.test-orders";
    private static final int ORDERS = 15;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private MongoServer mongoServer;
    private MongoClient mongo;
    private MongoCollection<Document> orders;
    private Path kafkaDir;
    private ManagedProcess broker;
    private OutboxRelay relay;
    private int kafkaPort;

    @BeforeEach
    void setUp() throws Exception {
        mongoServer = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        mongo = MongoClients.create("mongodb://" + hostAndPort(mongoServer.bind()));
        orders = mongo.getDatabase("relay_test").getCollection("orders");
        kafkaPort = freePort();
        kafkaDir = Files.createTempDirectory("relay-kafka-");
        relay = new OutboxRelay(mongo, "relay_test", new Settings(List.of("orders"), Duration.ofMillis(200)),
                Map.of("bootstrap.servers", "localhost:" + kafkaPort));
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.stop(new ShutdownEvent());
        if (broker != null) {
            broker.stop(Duration.ofSeconds(10));
        }
        mongo.close();
        mongoServer.shutdownNow();
        Stack.deleteRecursively(kafkaDir);
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveOnceEachAndInOrderOnceItIsUp() throws Exception {
        Outbox outbox = new Outbox(json, relay, "orders-test");
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String orderId = "order-" + i;
            OutboxEntry placed = outbox.event(TOPIC, "order.placed", orderId, Map.of("orderId", orderId, "n", i));
            OutboxEntry paid = outbox.event(TOPIC, "order.paid", orderId, Map.of("orderId", orderId));
            orders.insertOne(new Document("_id", orderId).append("status", "PAID")
                    .append(Outbox.FIELD, List.of(placed.toDocument(), paid.toDocument())));
            eventIds.add(placed.id);
            eventIds.add(paid.id);
        }
        relay.start(new StartupEvent());
        outbox.flushAll();

        // the relay takes its lease before each round: once it holds it, it is scanning and trying to publish
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.getDatabase("relay_test").getCollection("outbox_relay_lease").countDocuments() == 1);
        assertThat(orders.countDocuments(Filters.exists(Outbox.FIELD + ".0")))
                .as("while the broker is down every event stays in its document").isEqualTo(ORDERS);

        broker = Kafka.node(kafkaPort, freePort(), kafkaDir, kafkaDir.resolve("kafka.log"), "-Xmx256m");
        broker.start();
        broker.awaitReady(Duration.ofSeconds(90));

        Map<String, List<JsonNode>> eventsByKey = consumeUntil(eventIds.size(), Duration.ofSeconds(90));

        List<String> receivedIds = eventsByKey.values().stream().flatMap(List::stream)
                .map(event -> event.get("id").asText()).toList();
        assertThat(receivedIds).containsExactlyInAnyOrderElementsOf(eventIds).doesNotHaveDuplicates();
        eventsByKey.forEach((key, events) -> {
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("order.placed", "order.paid");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("specversion").asText()).isEqualTo("1.0");
                assertThat(e.get("source").asText()).isEqualTo("/orders-test");
                assertThat(e.get("subject").asText()).isEqualTo(key);
            });
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(orders.countDocuments(Filters.exists(Outbox.FIELD + ".0"))).isZero());
        assertThat(orders.countDocuments(Filters.eq("status", "PAID"))).isEqualTo(ORDERS);

        OutboxEntry late = outbox.event(TOPIC, "order.placed", "order-late", Map.of("orderId", "order-late"));
        orders.insertOne(new Document("_id", "order-late").append(Outbox.FIELD, List.of(late.toDocument())));
        outbox.flush("order-late");
        OutboxEntry legacy = outbox.event(TOPIC, "order.placed", "order-legacy", Map.of("orderId", "order-legacy"));
        Document storedUnderUnderscoreId = legacy.toDocument();
        storedUnderUnderscoreId.put("_id", storedUnderUnderscoreId.remove("id"));
        orders.insertOne(new Document("_id", "order-legacy").append(Outbox.FIELD, List.of(storedUnderUnderscoreId)));
        outbox.flush("order-legacy");
        Map<String, List<JsonNode>> afterNamedFlush = consumeUntil(eventIds.size() + 2, Duration.ofSeconds(30));
        assertThat(afterNamedFlush.get("order-late")).extracting(e -> e.get("id").asText()).containsExactly(late.id);
        assertThat(afterNamedFlush.get("order-legacy")).extracting(e -> e.get("id").asText()).containsExactly(legacy.id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(orders.countDocuments(Filters.exists(Outbox.FIELD + ".0"))).isZero());

        OutboxEntry handed = outbox.event(TOPIC, "order.placed", "order-handed", Map.of("orderId", "order-handed"));
        orders.insertOne(new Document("_id", "order-handed").append(Outbox.FIELD, List.of(handed.toDocument())));
        outbox.flush("orders", "order-handed", List.of(handed));
        Map<String, List<JsonNode>> afterHandOver = consumeUntil(eventIds.size() + 3, Duration.ofSeconds(30));
        assertThat(afterHandOver.get("order-handed")).as("handed over: published once, as written")
                .extracting(e -> e.get("id").asText()).containsExactly(handed.id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(orders.countDocuments(Filters.exists(Outbox.FIELD + ".0"))).isZero());
    }

    private Map<String, List<JsonNode>> consumeUntil(int expected, Duration timeout) throws Exception {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        int received = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(json.readTree(record.value()));
                    received++;
                }
            }
            // Anything published twice would show up shortly after the expected count.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(json.readTree(record.value()));
            }
        }
        return byKey;
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code consulta.outbox.*} as a test sets it. */
    record Settings(List<String> names, Duration poll) implements OutboxSettings {

        @Override
        public Optional<List<String>> collections() {
            return Optional.of(names);
        }

        @Override
        public Duration pollInterval() {
            return poll;
        }

        @Override
        public Duration gatherFor() {
            return Duration.ZERO;
        }
    }
}
