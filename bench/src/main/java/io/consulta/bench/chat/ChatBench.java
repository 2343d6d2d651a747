package io.consulta.bench.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.CpuUsage;
import io.consulta.testing.TestTokens;
import org.bson.Document;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chat throughput and end-to-end latency (issue 6): 500 WebSocket connections in 250 patient–doctor conversations, one
 * device per person, messages at a steady rate alternating between both sides of every conversation. Latency is
 * measured from the moment a message was due to be sent to the moment the other person's device received it; the
 * server stores a message before it delivers it, so every delivered message was persisted first. Then the rate is
 * ramped up until the service saturates.
 * <p>
 * chat-service runs from its production build with local MongoDB (mongo-java-server, in memory) and Kafka; tokens are
 * signed locally (test key) instead of by Keycloak. The care relationships the conversations need are seeded
 * directly into the service's projection; the conversations themselves are opened through the REST API.
 * <p>
 * The load generator shares the machine's two cores with what it measures, so its WebSocket client ({@link ChatDevice})
 * is the smallest that does the job: the sending thread writes each frame itself, one thread reads all sockets.
 * <p>
 * {@code bench/run chat [conversations=250] [rate=2000] [seconds=30] [warmup=40] [step=10]
 * [ramp=3000,4000,5000,6000,7000,8000,9000,10000]}
 */
public final class ChatBench {

    static final String BENCH_NAME = "chat";
    private static final PrintStream OUT = System.out;
    /** The first version's stack (Socket.io 4, each message stored through the MongoDB driver) on this machine. */
    private static final double PEER_P99_MILLIS = 7.0;
    private static final int PEER_SATURATION = 7_800;
    private String[] conversationIds;
    private MongoClient mongo;

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int conversations = options.integer("conversations", 250);
        int rate = options.integer("rate", 2000);
        int seconds = options.integer("seconds", 30);
        int warmup = options.integer("warmup", 40);
        int stepSeconds = options.integer("step", 10);
        int[] ramp = Arrays.stream(options.text("ramp", "3000,4000,5000,6000,7000,8000,9000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        new ChatBench().run(conversations, rate, seconds, warmup, stepSeconds, ramp);
    }

    private void run(int conversations, int rate, int seconds, int warmup, int stepSeconds, int[] ramp) throws Exception {
        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA))) {
            String service = stack.startTrustingBenchTokens("chat-service", Map.of(
                    // one device here sends far more than a person would; the per-connection limit is not under test
                    "CONSULTA_CHAT_LIMITS_FRAMES_PER_SECOND", "100000",
                    "CONSULTA_CHAT_LIMITS_FRAME_BURST", "100000"), List.of());

            mongo = MongoClients.create(stack.mongoUri());
            seed(service, conversations);
            List<ChatLoad.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                pairs.add(new ChatLoad.Pair(conversationIds[i], patient(i), doctor(i)));
            }
            try (ChatLoad load = ChatLoad.connect(OUT, mongo, service, pairs)) {
                Map<String, Long> measured = Map.of("chat-service", stack.process("chat-service").pid(),
                        "mongodb", stack.process("mongodb").pid(), "kafka", stack.process("kafka").pid());
                ChatLoad.Steady steady = load.steady(rate, warmup, seconds, measured, PEER_P99_MILLIS);

                OUT.printf("%nRamp (%d s per step) until delivery falls behind:%n", stepSeconds);
                double best = steady.deliveredPerSecond();
                List<ChatStep> rampSteps = new ArrayList<>();
                for (int offered : ramp) {
                    ChatStep step = load.newStep(Integer.toString(offered), offered, stepSeconds);
                    CpuUsage stepCpu = CpuUsage.start(measured);
                    load.runStep(step);
                    OUT.print("  " + offered + ": ");
                    stepCpu.print(OUT, Duration.ofSeconds(stepSeconds), step.sent.get());
                    rampSteps.add(step);
                    best = Math.max(best, step.deliveredPerSecond());
                    if (step.deliveredPerSecond() < 0.9 * offered || step.p99Millis() > 1000) {
                        break;
                    }
                }
                ChatStep.header(OUT);
                steady.step().row(OUT);
                rampSteps.forEach(step -> step.row(OUT));
                OUT.println("late: sent in the step, not delivered within 15 s after it (an overloaded step delivers them later)");
                OUT.printf(Locale.ROOT, "Saturation: about %.0f delivered msg/s (highest rate sustained in a step)%n", best);
                OUT.printf(Locale.ROOT, "Bar saturation above %,d msg/s: %s%n", PEER_SATURATION,
                        best > PEER_SATURATION ? "PASS" : "FAIL");
                OUT.println("Old Socket.io stack for comparison: 2,000 msg/s at p99 ≈ 7 ms, saturating at ≈ 7,800 msg/s.");
                OUT.printf("chat-service RSS after the run: %d MB%n", stack.process("chat-service").rssMegabytes());
                List<String> problems = load.problems();
                OUT.printf("Socket problems (unexpected closes, failed sends, errors) in the run: %d%s%n", problems.size(),
                        problems.isEmpty() ? "" : "; first: " + problems.getFirst());
            }
            mongo.close();
        }
    }

    /** The projection a booking would fill, then the conversations opened by the patients through the API. */
    private void seed(String service, int conversations) throws Exception {
        long started = System.nanoTime();
        MongoCollection<Document> relationships = mongo.getDatabase("consulta_chat").getCollection("care_relationships");
        List<Document> seeded = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            seeded.add(new Document("_id", doctor(i) + "|" + patient(i)).append("doctorId", doctor(i))
                    .append("patientId", patient(i)).append("appointments", List.of("bench-appointment-" + i)));
        }
        relationships.insertMany(seeded);
        conversationIds = new String[conversations];
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < conversations; i++) {
                HttpRequest open = HttpRequest.newBuilder(URI.create(service + "/api/v1/conversations"))
                        .header("Authorization", "Bearer " + token(patient(i), "patient"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"doctorId\":\"" + doctor(i) + "\"}")).build();
                HttpResponse<String> response = http.send(open, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("opening conversation " + i + ": " + response.statusCode() + " "
                            + response.body());
                }
                String body = response.body();
                int at = body.indexOf("\"id\":\"") + 6;
                conversationIds[i] = body.substring(at, body.indexOf('"', at));
            }
        }
        OUT.printf(Locale.ROOT, "Seeded %d conversations in %.1f s%n", conversations, (System.nanoTime() - started) / 1e9);
    }

    private static String patient(int i) {
        return String.format(Locale.ROOT, "bench-patient-%03d", i);
    }

    private static String doctor(int i) {
        return String.format(Locale.ROOT, "bench-doctor-%03d", i);
    }

    private static String token(String userId, String role) {
        return TestTokens.token(userId, List.of(role), Duration.ofHours(2).toSeconds());
    }
}
