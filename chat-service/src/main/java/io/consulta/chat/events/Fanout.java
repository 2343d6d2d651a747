package io.consulta.chat.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.consulta.chat.ChatConfig;
import io.consulta.chat.service.FanoutListener;
import io.consulta.chat.service.FanoutRecord;
import io.consulta.chat.service.Replica;
import io.consulta.chat.service.ReplicaFanout;
import io.consulta.common.events.KafkaClientConfig;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live delivery across replicas. Every replica publishes what it delivered to its own sockets (ids only) and reads
 * every partition of the topic itself — no consumer group, so each replica sees every record, from the moment it
 * started (older records are history the clients get by resuming). Nothing here is the source of truth: a record lost
 * in a broker outage means a client sees the message on its next resume, not that the message is lost.
 */
@ApplicationScoped
public class Fanout implements ReplicaFanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class);
    /** Lets a replica skip its own records without parsing them. */
    private static final String ORIGIN_HEADER = "origin";

    private final ObjectMapper json;
    private final Replica replica;
    private final FanoutListener listener;
    private final Map<String, Object> broker;
    private final String topic;
    private final short replicationFactor;
    private final AtomicLong failures = new AtomicLong();
    private final byte[] originBytes;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread poller;
    private volatile boolean running;
    private volatile boolean assigned;

    public Fanout(ObjectMapper json, Replica replica, FanoutListener listener,
                  @Identifier(KafkaClientConfig.BROKER) Map<String, Object> broker, ChatConfig config) {
        this.json = json;
        this.replica = replica;
        this.listener = listener;
        this.broker = broker;
        this.topic = config.fanout().topic();
        this.replicationFactor = config.fanout().replicationFactor();
        this.originBytes = replica.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(consumerConfig(),
                // bytes: a replica's own records (most of what it reads) are skipped by header without decoding them
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running = true;
        poller = Thread.ofPlatform().daemon().name("chat-fanout").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            poller.join(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Whether this replica receives the other replicas' records yet. */
    public boolean isReady() {
        return assigned;
    }

    public String replicaId() {
        return replica.id();
    }

    /** Publishes without waiting; a failure is logged and counted, never thrown at the user's request. */
    @Override
    public void publish(FanoutRecord record) {
        try {
            ProducerRecord<String, String> out = new ProducerRecord<>(topic, record.key(), json.writeValueAsString(record));
            out.headers().add(ORIGIN_HEADER, originBytes);
            producer.send(out, (metadata, error) -> {
                if (error != null && failures.incrementAndGet() % 1000 == 1) {
                    LOG.warnf("Fan-out to other replicas failed (%s); their clients catch up on resume", error.getMessage());
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() % 1000 == 1) {
                LOG.warnf("Fan-out to other replicas failed (%s); their clients catch up on resume", e.getMessage());
            }
        }
    }

    private void run() {
        try {
            while (running && !assigned) {
                try {
                    assignAll();
                } catch (RuntimeException e) {
                    LOG.warnf("Fan-out topic %s not reachable yet (%s); retrying", topic,
                            e.getCause() != null ? e.getMessage() + ": " + e.getCause().getMessage() : e.getMessage());
                    sleep(1_000);
                }
            }
            while (running) {
                List<FanoutRecord> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var origin = record.headers().lastHeader(ORIGIN_HEADER);
                    if (origin != null && java.util.Arrays.equals(origin.value(), originBytes)) {
                        continue;
                    }
                    FanoutRecord parsed = parse(record.value());
                    if (parsed != null && !replica.id().equals(parsed.origin())) {
                        batch.add(parsed);
                    }
                }
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void deliver(List<FanoutRecord> batch) {
        try {
            listener.onFanout(batch);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not deliver %d fan-out records locally", batch.size());
        }
    }

    /** Reads every partition from its current end: this replica needs what happens from now on. */
    private void assignAll() {
        ensureTopic();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("no partitions yet");
        }
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(all);
        consumer.seekToEnd(all);
        all.forEach(consumer::position);
        assigned = true;
        LOG.infof("Replica %s receives fan-out from %d partitions of %s", replica.id(), all.size(), topic);
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(KafkaClientConfig.admin(broker, Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, replicationFactor))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FanoutRecord parse(byte[] value) {
        try {
            return json.readValue(value, FanoutRecord.class);
        } catch (IOException e) {
            LOG.warnf("Skipping a fan-out record that is not one: %s", e.getMessage());
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every {@code kafka.*} setting (TLS, SASL, ...) and the fan-out's own. */
    Map<String, Object> producerConfig() {
        return KafkaClientConfig.producer(broker, Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                // no linger: message batches are already gathered for a few milliseconds (LiveDelivery), and local
                // sockets never wait for this
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.CLIENT_ID_CONFIG, "chat-fanout-" + replica.id()));
    }

    Map<String, Object> consumerConfig() {
        return KafkaClientConfig.consumer(broker, Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // fetch every 20 ms rather than record by record: every replica also fetches all its own records, so
                // each fetch is paid for by every replica even when it carries nothing for it
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65_536,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.CLIENT_ID_CONFIG, "chat-fanout-" + replica.id()));
    }
}
