package io.consulta.bench.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.CpuUsage;
import io.consulta.bench.LoadRunner;
import io.consulta.bench.LoadRunner.Plan;
import io.consulta.bench.Percentiles;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 4: the public doctor directory with 10,000 approved doctors answers with p99 under 50 ms at 50 concurrent
 * clients. auth-service runs from its production build against the MongoDB-protocol server; the directory needs no
 * token, so neither Keycloak nor Kafka runs (auth-service reaches both lazily and is ready without them).
 * Args (all optional): {@code clients=50 seconds=30 warmup=20 doctors=10000}.
 */
public final class DirectoryBench {

    static final String BENCH_NAME = "directory";

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TARGET_P99 = Duration.ofMillis(50);

    private DirectoryBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int clients = options.integer("clients", 50);
        int doctors = options.integer("doctors", 10_000);
        Duration measured = Duration.ofSeconds(options.integer("seconds", 30));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 20));

        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of())) {
            long seeding = System.nanoTime();
            DoctorSeed.Seeded seeded = DoctorSeed.seed(stack.mongoUri(), doctors, 42);
            OUT.printf(Locale.ROOT, "Seeded %d approved doctors, %d pending, %d disabled, %d patients in %.1f s%n",
                    seeded.approvedIds().size(), seeded.pending(), seeded.disabled(), seeded.patients(),
                    (System.nanoTime() - seeding) / 1e9);

            String auth = stack.startService("auth-service", Map.of());
            OUT.printf(Locale.ROOT, "auth-service (production build) ready in %.1f s at %s%n",
                    stack.process("auth-service").readyMillis() / 1000.0, auth);
            requireWholeDirectoryListed(auth, seeded.approvedIds().size());

            LoadRunner.run(Plan.forDuration("warm-up", clients, warmup), auth,
                    i -> new DirectoryMix(1_000 + i, seeded.approvedIds()), OUT);
            CpuUsage cpu = CpuUsage.start(Map.of("auth-service", stack.process("auth-service").pid(),
                    "mongodb", stack.process("mongodb").pid()));
            Percentiles result = LoadRunner.run(Plan.forDuration("measured", clients, measured), auth,
                    i -> new DirectoryMix(i, seeded.approvedIds()), OUT);
            result.print(OUT, String.format(Locale.ROOT, "Directory search, %d approved doctors, %d clients",
                    doctors, clients), Percentiles.Target.p99Below(TARGET_P99));
            cpu.print(OUT, result.elapsed(), result.count() + result.errors());
            OUT.printf("auth-service RSS after the run: %d MB%n", stack.process("auth-service").rssMegabytes());
        }
    }

    /** Before measuring, check that paging through the whole directory yields every approved doctor exactly once. */
    private static void requireWholeDirectoryListed(String baseUrl, int expected) throws Exception {
        long started = System.nanoTime();
        Set<String> seen = new HashSet<>();
        int listed = 0;
        String cursor = null;
        try (HttpClient http = HttpClient.newHttpClient()) {
            do {
                String url = baseUrl + "/api/v1/doctors?limit=100"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("directory answered " + page.statusCode() + ": " + page.body());
                }
                for (JsonNode item : JSON.readTree(page.body()).get("items")) {
                    seen.add(item.get("id").asText());
                    listed++;
                }
                cursor = DirectoryMix.nextCursor(page.body());
            } while (cursor != null);
        }
        if (listed != expected || seen.size() != expected) {
            throw new IllegalStateException("paging through the directory listed " + listed + " entries (" + seen.size()
                    + " distinct), expected " + expected + " approved doctors");
        }
        OUT.printf(Locale.ROOT, "Paged through the whole directory: %d doctors, each once, in %.1f s%n", listed,
                (System.nanoTime() - started) / 1e9);
    }
}
