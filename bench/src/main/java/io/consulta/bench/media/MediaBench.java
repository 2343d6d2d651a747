package io.consulta.bench.media;

import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.CpuUsage;
import io.consulta.bench.LoadRunner;
import io.consulta.bench.LoadRunner.Plan;
import io.consulta.bench.Percentiles;
import io.consulta.localstack.ManagedProcess;
import io.consulta.testing.TestTokens;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 14: 20 clients upload 5 MB photos in parallel for 60 s; throughput, p99, and media-service's peak RSS on the
 * pod-sized JVM, which must stay under 400 MB. Each upload is a full one: streamed to a temporary file, type sniffed,
 * decoded, re-encoded without metadata, thumbnailed and written to GridFS (in-memory MongoDB-protocol server), with
 * its media.uploaded event through Kafka. Tokens are signed locally (the service trusts the test key), so Keycloak
 * does not run. Args (all optional): {@code clients=20 seconds=60 warmup=10 megabytes=5}.
 */
public final class MediaBench {

    static final String BENCH_NAME = "media";

    private static final PrintStream OUT = System.out;
    private static final long RSS_TARGET_MB = 400;
    /** deploy/k8s/base/media-service.yaml's JAVA_OPTS_APPEND: MaxRAMPercentage=40 of the pod's 512 MiB limit. */
    private static final List<String> POD_JAVA_OPTS_APPEND = List.of("-Xmx205m");

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int clients = options.integer("clients", 20);
        Duration measured = Duration.ofSeconds(options.integer("seconds", 60));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 10));
        int megabytes = options.integer("megabytes", 5);

        byte[] photo = Photos.jpegOfAbout(megabytes * 1_000_000L);
        OUT.printf(Locale.ROOT, "Test photo: %d × %d JPEG, %.2f MB%n", Photos.WIDTH, Photos.HEIGHT,
                photo.length / 1e6);
        Multipart body = Multipart.of(photo);

        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA))) {
            String media = stack.startTrustingBenchTokens("media-service", Map.of(
                    "MEDIA_LINK_KEY", "YmVuY2gtb25seS1tZWRpYS1saW5rLWtleS0zMi1ieXRlcy1sb25n",
                    // the benchmark measures the pipeline, not the per-user limit (30 uploads per 10 minutes)
                    "MEDIA_UPLOADS_PER_USER", "1000000"), POD_JAVA_OPTS_APPEND);
            ManagedProcess service = stack.process("media-service");
            OUT.printf(Locale.ROOT, "media-service RSS when ready: %d MB%n", service.rssMegabytes());

            List<String> tokens = java.util.stream.IntStream.range(0, clients)
                    .mapToObj(i -> TestTokens.token("bench-patient-" + i, List.of("patient"),
                            Duration.ofHours(2).toSeconds())).toList();
            try (RssSampler rss = RssSampler.start(service)) {
                LoadRunner.run(Plan.forDuration("warm-up", clients, warmup), media,
                        i -> upload(media, tokens.get(i), body), OUT);
                CpuUsage cpu = CpuUsage.start(Map.of("media-service", service.pid(),
                        "mongodb", stack.process("mongodb").pid()));
                Percentiles result = LoadRunner.run(Plan.forDuration("measured", clients, measured), media,
                        i -> upload(media, tokens.get(i), body), OUT);
                result.print(OUT, String.format(Locale.ROOT, "Uploads of %.1f MB photos, %d clients",
                        photo.length / 1e6, clients), null);
                OUT.printf(Locale.ROOT, "Throughput: %.2f uploads/s = %.1f MB/s of photos%n",
                        result.throughputPerSecond(), result.throughputPerSecond() * photo.length / 1e6);
                cpu.print(OUT, result.elapsed(), result.count() + result.errors());
                long peak = rss.peakMegabytes();
                OUT.printf(Locale.ROOT, "media-service RSS: peak %d MB, after the run %d MB (sampled every %d ms)%n",
                        peak, service.rssMegabytes(), RssSampler.EVERY.toMillis());
                OUT.printf(Locale.ROOT, "%nTarget peak RSS < %d MB on the pod-sized JVM (no errors): %s%n",
                        RSS_TARGET_MB, peak < RSS_TARGET_MB && result.errors() == 0 ? "PASS" : "FAIL");
            }
        }
    }

    private static LoadRunner.Session upload(String media, String token, Multipart body) {
        return client -> client.send("upload", HttpRequest.newBuilder(URI.create(media + "/api/v1/media"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), 201);
    }

    /** Samples a process's resident memory in the background and keeps the highest value seen. */
    static final class RssSampler implements AutoCloseable {

        static final Duration EVERY = Duration.ofMillis(200);

        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private RssSampler(ManagedProcess process) {
            thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(process.rssMegabytes(), Math::max);
                    try {
                        Thread.sleep(EVERY);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static RssSampler start(ManagedProcess process) {
            return new RssSampler(process);
        }

        long peakMegabytes() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
