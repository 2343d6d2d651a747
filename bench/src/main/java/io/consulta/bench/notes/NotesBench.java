package io.consulta.bench.notes;

import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.CpuUsage;
import io.consulta.bench.LoadRunner;
import io.consulta.bench.LoadRunner.Plan;
import io.consulta.bench.Percentiles;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 13: a patient's journal with 5,000 notes from 3 authors; 20 clients list its first page, then 20 clients
 * search it with {@code q} — p99 under 30 ms for both, on the pod-sized JVM of the other benchmarks. notes-service
 * runs from its production build against the MongoDB-protocol server with Kafka (care relationships arrive as
 * events; notes go out through the outbox); tokens are signed with a bench key the service is told to trust.
 * Args (all optional): {@code clients=20 seconds=30 warmup=15 notes=5000}.
 */
public final class NotesBench {

    static final String BENCH_NAME = "notes";

    private static final PrintStream OUT = System.out;
    private static final Duration TARGET_P99 = Duration.ofMillis(30);

    private NotesBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int clients = options.integer("clients", 20);
        int notes = options.integer("notes", 5_000);
        Duration measured = Duration.ofSeconds(options.integer("seconds", 30));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 15));

        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA))) {
            String service = stack.startTrustingBenchTokens("notes-service", Map.of(), List.of());
            long seeding = System.nanoTime();
            JournalSeed.Journal journal = JournalSeed.seed(service, stack.kafkaBootstrap(), notes, OUT::println);
            OUT.printf(Locale.ROOT, "Seeding took %.1f s%n", (System.nanoTime() - seeding) / 1e9);
            awaitOutboxDrained(stack.mongoUri());
            List<String> readers = List.of(journal.patientToken(), journal.doctorToken(0), journal.doctorToken(1));
            String path = "/api/v1/patients/" + journal.patientId() + "/notes";

            LoadRunner.Session firstPage = client -> client.send("first-page",
                    get(service + path, readers.get(new Random().nextInt(3))), 200);
            LoadRunner.run(Plan.forDuration("warm-up", clients, warmup), service, i -> firstPage, OUT);
            boolean listing = measure(stack, service, clients, measured, i -> firstPage,
                    String.format(Locale.ROOT, "First page of a %d-note journal, %d clients", notes, clients));

            LoadRunner.run(Plan.forDuration("warm-up", clients, warmup), service, i -> search(service, path, readers, i),
                    OUT);
            boolean searching = measure(stack, service, clients, measured, i -> search(service, path, readers, i),
                    String.format(Locale.ROOT, "Search (q, 1-2 words) in a %d-note journal, %d clients", notes,
                            clients));
            OUT.printf("%nnotes-service RSS after the run: %d MB%n", stack.process("notes-service").rssMegabytes());
            OUT.println(listing && searching ? "ALL TARGETS MET" : "SOME TARGETS MISSED");
        }
    }

    /**
     * Until the relay has published the seeding's note.shared events, it works alongside the measured requests; the
     * benchmark measures reading a journal, so it waits for the outbox to be empty.
     */
    private static void awaitOutboxDrained(String mongoUri) throws InterruptedException {
        long started = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            var notes = mongo.getDatabase("consulta_notes").getCollection("notes");
            long pending;
            while ((pending = notes.countDocuments(Filters.exists("outbox.0"))) > 0) {
                if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException(pending + " notes still have unpublished events after 3 minutes");
                }
                Thread.sleep(500);
            }
        }
        OUT.printf(Locale.ROOT, "Outbox drained (all note.shared events published) %.1f s after seeding%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static boolean measure(BenchStack stack, String service, int clients, Duration measured,
                                   java.util.function.IntFunction<LoadRunner.Session> sessions, String title)
            throws Exception {
        CpuUsage cpu = CpuUsage.start(Map.of("notes-service", stack.process("notes-service").pid(),
                "mongodb", stack.process("mongodb").pid()));
        Percentiles result = LoadRunner.run(Plan.forDuration("measured", clients, measured), service, sessions, OUT);
        boolean met = result.print(OUT, title, Percentiles.Target.p99Below(TARGET_P99));
        cpu.print(OUT, result.elapsed(), result.count() + result.errors());
        return met;
    }

    /** One or two diary words, as someone looks for "when did the migraine start". */
    private static LoadRunner.Session search(String service, String path, List<String> readers, int client) {
        Random random = new Random(client);
        return c -> {
            boolean twoWords = random.nextInt(3) == 0;
            String q = twoWords ? JournalSeed.pick(random) + " " + JournalSeed.pick(random) : JournalSeed.pick(random);
            c.send(twoWords ? "search-2-words" : "search-1-word", get(service + path + "?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8), readers.get(random.nextInt(3))), 200);
        };
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }
}
