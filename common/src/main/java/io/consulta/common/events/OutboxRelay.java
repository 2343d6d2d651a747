package io.consulta.common.events;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox entries embedded in a service's documents to Kafka, then removes them. Runs on its own thread,
 * so a broker outage delays events but never blocks or fails a user's request. At-least-once: an entry is removed only
 * after Kafka acknowledged it, and keeps its event id across retries, so consumers can drop repeats by id. Only the
 * replica holding the relay lease publishes, which keeps per-key order across replicas.
 * <p>
 * A writer names the documents it just wrote ({@link #wake(Collection)}), and the relay reads only those by id; once
 * per poll interval it reads every document with pending entries (through a sparse index, see {@link #PENDING}), for
 * entries written by other replicas or left by a crash.
 * Scanning on every write made the relay's scans, not the requests, the busiest thing in a loaded service. Where many
 * small writes follow each other (chat messages), {@code consulta.outbox.gather-for} lets a woken relay wait that long
 * so one round publishes them together; events then leave at most that much later.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int PAGE = 200;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * Present exactly in documents with entries to publish (every entry has an id). A sparse index on it holds only
     * those documents, so the periodic scan reads them instead of the whole collection — a full collection scan
     * every second otherwise, on MongoDB as on the local stack's server (which serves {@code $exists} from it too).
     */
    private static final String PENDING = Outbox.FIELD + ".id";

    private final MongoClient mongo;
    private final String databaseName;
    private final List<String> collections;
    private final Map<String, Object> broker;
    private final Duration pollInterval;
    private final Duration gatherFor;
    private final Semaphore wakeups = new Semaphore(0);
    private final Set<Object> written = ConcurrentHashMap.newKeySet();
    private final Queue<HandedOver> handedOver = new ConcurrentLinkedQueue<>();
    private volatile boolean scanRequested;
    private long lastScan;

    private volatile boolean running;
    private Thread worker;
    private volatile Producer<String, String> producer;
    private volatile RelayLease lease;

    public OutboxRelay(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String databaseName,
                       OutboxSettings settings, @Identifier(KafkaClientConfig.BROKER) Map<String, Object> broker) {
        this.mongo = mongo;
        this.databaseName = databaseName;
        this.collections = settings.collections().orElse(List.of());
        this.broker = broker;
        this.pollInterval = settings.pollInterval();
        this.gatherFor = settings.gatherFor();
    }

    /** The relay's index, lease and producer are made on its own thread: none of them holds up the service's start. */
    void start(@Observes StartupEvent event) {
        if (collections.isEmpty()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wakeups.release();
        worker.join(Duration.ofSeconds(5));
        if (lease != null) {
            lease.release();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Once, before the first round; retried with the rounds' back-off while MongoDB is unreachable. */
    private void prepare() {
        MongoDatabase database = mongo.getDatabase(databaseName);
        collections.forEach(name -> database.getCollection(name).createIndex(Indexes.ascending(PENDING),
                new IndexOptions().sparse(true).name("pending_outbox_entries")));
        lease = new RelayLease(database.getCollection("outbox_relay_lease"), Duration.ofSeconds(15));
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
    }

    /** Asks the relay to scan for pending entries now rather than at its next poll. */
    public void wake() {
        scanRequested = true;
        wakeups.release();
    }

    /** Asks the relay to publish the entries of these just-written documents now. */
    public void wake(Collection<?> documentIds) {
        written.addAll(documentIds);
        wakeups.release();
    }

    /**
     * Asks the relay to publish entries just written into a document, as they are, without reading them back (they are
     * removed from the document once published, as always). Only for entries that are stored: a writer that takes a
     * write back must not hand its entries over.
     */
    public void handOver(String collection, Object documentId, List<OutboxEntry> entries) {
        handedOver.add(new HandedOver(collection, new Document("_id", documentId).append(Outbox.FIELD,
                entries.stream().map(OutboxEntry::toDocument).toList())));
        wakeups.release();
    }

    private void run() {
        Duration wait = Duration.ZERO;
        while (running) {
            try {
                if (wakeups.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) && !gatherFor.isZero()) {
                    // a round costs the same few round trips however many events it carries: let writes gather
                    Thread.sleep(gatherFor);
                }
                wakeups.drainPermits();
                if (producer == null) {
                    prepare();
                }
                if (running && lease.holdOrAcquire()) {
                    if (scanRequested || System.nanoTime() - lastScan >= pollInterval.toNanos()) {
                        drain();
                    } else {
                        drainWritten();
                    }
                } else {
                    written.clear();
                    handedOver.clear();
                }
                wait = pollInterval;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                Duration doubled = wait.isZero() ? pollInterval : wait.multipliedBy(2);
                wait = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                LOG.warnf("Outbox relay could not publish (%s); retrying in %s", failure.getMessage(), wait);
            }
        }
    }

    /** Publishes every pending entry; returns how many were published. */
    int drain() throws InterruptedException {
        scanRequested = false;
        lastScan = System.nanoTime();
        written.clear();
        handedOver.clear();
        int published = 0;
        for (String name : collections) {
            MongoCollection<Document> collection = mongo.getDatabase(databaseName).getCollection(name);
            List<Document> page;
            do {
                page = collection.find(Filters.exists(PENDING))
                        .projection(Projections.include(Outbox.FIELD)).limit(PAGE).into(new ArrayList<>());
                published += publish(collection, page);
            } while (page.size() == PAGE && running);
        }
        return published;
    }

    private void drainWritten() throws InterruptedException {
        publishHandedOver();
        List<Object> ids = new ArrayList<>(written);
        written.removeAll(ids);
        for (int from = 0; from < ids.size() && running; from += PAGE) {
            List<Object> slice = ids.subList(from, Math.min(ids.size(), from + PAGE));
            for (String name : collections) {
                MongoCollection<Document> collection = mongo.getDatabase(databaseName).getCollection(name);
                // by _id alone: mongo-java-server serves only a query on exactly the indexed fields from an index
                List<Document> documents = collection.find(Filters.in("_id", slice))
                        .projection(Projections.include(Outbox.FIELD)).into(new ArrayList<>());
                documents.removeIf(document -> document.getList(Outbox.FIELD, Document.class, List.of()).isEmpty());
                publish(collection, documents);
            }
        }
    }

    private void publishHandedOver() throws InterruptedException {
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        HandedOver next;
        while ((next = handedOver.poll()) != null) {
            byCollection.computeIfAbsent(next.collection(), name -> new ArrayList<>()).add(next.document());
        }
        for (Map.Entry<String, List<Document>> documents : byCollection.entrySet()) {
            publish(mongo.getDatabase(databaseName).getCollection(documents.getKey()), documents.getValue());
        }
    }

    private int publish(MongoCollection<Document> collection, List<Document> documents) throws InterruptedException {
        List<PendingSend> sends = new ArrayList<>();
        RuntimeException failure = null;
        queue:
        for (Document document : documents) {
            for (Document entry : document.getList(Outbox.FIELD, Document.class)) {
                String idField = entry.getString("id") != null ? "id" : "_id";
                if (entry.getString(idField) == null) {
                    // removing it by a missing id would remove every entry of the document, published or not
                    LOG.errorf("Outbox entry without an id in %s %s is skipped", collection.getNamespace(), document.get("_id"));
                    continue;
                }
                ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"),
                        entry.getString("key"), entry.getString("payload"));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> ack = producer.send(record);
                sends.add(new PendingSend(new Entries(document.get("_id"), idField), entry.getString(idField), ack));
                if (ack.isDone() && failed(ack)) {
                    // The broker is unreachable (metadata wait timed out): queueing more would only wait again.
                    break queue;
                }
            }
        }
        producer.flush();
        Map<Entries, List<String>> acknowledged = new LinkedHashMap<>();
        for (PendingSend send : sends) {
            try {
                send.ack().get(30, TimeUnit.SECONDS);
                acknowledged.computeIfAbsent(send.entries(), entries -> new ArrayList<>()).add(send.eventId());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (failure == null) {
                    failure = new IllegalStateException("event " + send.eventId() + ": " + e.getMessage(), e);
                }
            }
        }
        remove(collection, acknowledged);
        if (failure != null) {
            throw failure;
        }
        return acknowledged.values().stream().mapToInt(List::size).sum();
    }

    /** Removes the published entries, one round trip for the whole page. */
    private static void remove(MongoCollection<Document> collection, Map<Entries, List<String>> eventIdsByDocument) {
        if (eventIdsByDocument.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> pulls = eventIdsByDocument.entrySet().stream()
                .map(published -> new UpdateOneModel<Document>(Filters.eq("_id", published.getKey().documentId()),
                        Updates.pull(Outbox.FIELD, Filters.in(published.getKey().idField(), published.getValue()))))
                .toList();
        collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
    }

    private static boolean failed(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Every {@code kafka.*} setting (TLS, SASL, ...) and the relay's own, which guarantee no event is lost. */
    Map<String, Object> producerConfig() {
        return KafkaClientConfig.producer(broker, Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + databaseName));
    }

    /**
     * A document's entries, and the field holding their event id: "id", or "_id" in entries written before
     * {@link OutboxEntry} pinned its field name (the POJO codec's default), which are still published and removed.
     */
    private record Entries(Object documentId, String idField) {
    }

    /** Entries of one document, in the shape the relay reads documents in. */
    private record HandedOver(String collection, Document document) {
    }

    private record PendingSend(Entries entries, String eventId, Future<RecordMetadata> ack) {
    }
}
