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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
    private static final String MESSAGE = "{\"type\":\"message\"";
    private static final String ACK = "{\"type\":\"ack\"";
    private static final String ERROR = "{\"type\":\"error\"";
    private static final String CLIENT_ID = "\"clientMessageId\":\"";

    private final List<ChatStep> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    /** Sockets closed, sends failed or socket errors during the run: any one makes the run untrustworthy. */
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private ChatDevice[] patients;
    private ChatDevice[] doctors;
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
        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA));
             ChatReader reader = new ChatReader()) {
            String service = stack.startService("chat-service", Map.of(
                    "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKeyBase64(),
                    "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER,
                    // the prod profile's only difference that matters here is the Keycloak URL, which bench tokens replace
                    "QUARKUS_PROFILE", "bench",
                    // one device here sends far more than a person would; the per-connection limit is not under test
                    "CONSULTA_CHAT_LIMITS_FRAMES_PER_SECOND", "100000",
                    "CONSULTA_CHAT_LIMITS_FRAME_BURST", "100000"));
            OUT.printf(Locale.ROOT, "chat-service (production build) ready in %.1f s at %s%n",
                    stack.process("chat-service").readyMillis() / 1000.0, service);

            mongo = MongoClients.create(stack.mongoUri());
            seed(service, conversations);
            connect(reader, service, conversations);

            // rising to the measured rate, as traffic does: the JIT and the heap settle before the steady phase counts
            for (int quarter = 1; quarter <= 4; quarter++) {
                runStep(new ChatStep(steps.size(), "warmup", rate * quarter / 4, Math.max(1, warmup / 4)));
            }
            ChatStep steady = new ChatStep(steps.size(), "steady", rate, seconds);
            Map<String, Long> measured = Map.of("chat-service", stack.process("chat-service").pid(),
                    "mongodb", stack.process("mongodb").pid(), "kafka", stack.process("kafka").pid());
            CpuUsage cpu = CpuUsage.start(measured);
            runStep(steady);
            OUT.printf(Locale.ROOT, "%nSteady %d msg/s for %d s over %d connections in %d conversations:%n", rate,
                    seconds, 2 * conversations, conversations);
            ChatStep.header(OUT);
            steady.row(OUT);
            OUT.println(steady.ackSummary());
            OUT.println(steady.timeline());
            cpu.print(OUT, Duration.ofSeconds(seconds), steady.sent.get());
            boolean met = steady.lost() == 0 && steady.errors.get() == 0 && steady.duplicates.get() == 0 && problems.isEmpty()
                    && steady.p99Millis() < PEER_P99_MILLIS && steady.deliveredPerSecond() >= 0.98 * rate;
            OUT.printf(Locale.ROOT, "Bar p99 < %.0f ms at %d msg/s, nothing lost: %s (p99 = %.1f ms)%n",
                    PEER_P99_MILLIS, rate, met ? "PASS" : "FAIL", steady.p99Millis());
            if (steady.firstError.get() != null) {
                OUT.println("First error frame: " + steady.firstError.get());
            }

            OUT.printf("%nRamp (%d s per step) until delivery falls behind:%n", stepSeconds);
            double best = steady.deliveredPerSecond();
            List<ChatStep> rampSteps = new ArrayList<>();
            for (int offered : ramp) {
                ChatStep step = new ChatStep(steps.size(), Integer.toString(offered), offered, stepSeconds);
                CpuUsage stepCpu = CpuUsage.start(measured);
                runStep(step);
                OUT.print("  " + offered + ": ");
                stepCpu.print(OUT, Duration.ofSeconds(stepSeconds), step.sent.get());
                rampSteps.add(step);
                best = Math.max(best, step.deliveredPerSecond());
                if (step.deliveredPerSecond() < 0.9 * offered || step.p99Millis() > 1000) {
                    break;
                }
            }
            ChatStep.header(OUT);
            steady.row(OUT);
            rampSteps.forEach(step -> step.row(OUT));
            OUT.println("late: sent in the step, not delivered within 15 s after it (an overloaded step delivers them later)");
            OUT.printf(Locale.ROOT, "Saturation: about %.0f delivered msg/s (highest rate sustained in a step)%n", best);
            OUT.printf(Locale.ROOT, "Bar saturation above %,d msg/s: %s%n", PEER_SATURATION,
                    best > PEER_SATURATION ? "PASS" : "FAIL");
            OUT.println("Old Socket.io stack for comparison: 2,000 msg/s at p99 ≈ 7 ms, saturating at ≈ 7,800 msg/s.");
            OUT.printf("chat-service RSS after the run: %d MB%n", stack.process("chat-service").rssMegabytes());
            OUT.printf("Socket problems (unexpected closes, failed sends, errors) in the run: %d%s%n", problems.size(),
                    problems.isEmpty() ? "" : "; first: " + problems.peek());
            for (int i = 0; i < conversations; i++) {
                patients[i].close();
                doctors[i].close();
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

    private void connect(ChatReader reader, String service, int conversations) throws Exception {
        long started = System.nanoTime();
        URI socket = URI.create(service.replace("http://", "ws://") + "/ws/chat");
        patients = new ChatDevice[conversations];
        doctors = new ChatDevice[conversations];
        try (ExecutorService connecting = Executors.newFixedThreadPool(16)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                int n = i;
                pending.add(connecting.submit(() -> {
                    patients[n] = ChatDevice.connect(reader, socket, patient(n), token(patient(n), "patient"),
                            this::onFrame, this::problem);
                    doctors[n] = ChatDevice.connect(reader, socket, doctor(n), token(doctor(n), "doctor"),
                            this::onFrame, this::problem);
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        }
        OUT.printf(Locale.ROOT, "Opened %d WebSocket connections in %.1f s%n", 2 * conversations,
                (System.nanoTime() - started) / 1e9);
    }

    private void problem(String what) {
        problems.add(what);
        OUT.printf(Locale.ROOT, "  socket problem during %s: %s%n", steps.isEmpty() ? "connect" : steps.getLast().name, what);
    }

    /** Sends at the step's rate: message number i is due at start + i / rate, whatever happened before. */
    private void runStep(ChatStep step) throws InterruptedException {
        steps.add(step);
        OUT.printf("%s: %d msg/s for %d s…%n", step.name, step.rate, step.seconds);
        long start = System.nanoTime() + 1_000_000;
        long end = start + step.seconds * 1_000_000_000L;
        step.windowStart = start;
        step.windowEnd = end;
        int conversations = conversationIds.length;
        for (long i = 0; ; i++) {
            long due = start + i * 1_000_000_000L / step.rate;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long k = counter.getAndIncrement();
            int c = (int) (k % conversations);
            ChatDevice sender = (k / conversations) % 2 == 0 ? patients[c] : doctors[c];
            sender.send("{\"type\":\"send\",\"conversationId\":\"" + conversationIds[c] + "\",\"clientMessageId\":\""
                    + step.id + "." + k + "." + due + "\",\"text\":\"bench message " + k + "\"}");
            step.sent.incrementAndGet();
        }
        long drainUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (step.delivered.get() < step.sent.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        OUT.printf("  %s done: %d events waiting in outboxes%n", step.name, pendingEvents());
    }

    /** message.sent events stored but not yet published: a relay that falls behind shows here first. */
    private long pendingEvents() {
        long pending = 0;
        for (String collection : List.of("conversations", "messages")) {
            for (Document d : mongo.getDatabase("consulta_chat").getCollection(collection)
                    .find(new Document("outbox.0", new Document("$exists", true))).projection(new Document("outbox", 1))) {
                pending += d.getList("outbox", Object.class, List.of()).size();
            }
        }
        return pending;
    }

    /** Called on the reader thread for every frame; only messages, acks and errors matter here. */
    private void onFrame(String frame) {
        long now = System.nanoTime();
        boolean message = frame.startsWith(MESSAGE);
        boolean ack = !message && frame.startsWith(ACK);
        if (!message && !ack) {
            if (frame.startsWith(ERROR)) {
                steps.getLast().error(frame);
            }
            return;
        }
        int at = frame.indexOf(CLIENT_ID);
        if (at < 0) {
            return;
        }
        // "<step>.<number>.<due nanos>", read in place
        at += CLIENT_ID.length();
        int dot = frame.indexOf('.', at);
        int dot2 = frame.indexOf('.', dot + 1);
        ChatStep step = steps.get(Integer.parseInt(frame, at, dot, 10));
        long due = Long.parseLong(frame, dot2 + 1, frame.indexOf('"', dot2), 10);
        if (message) {
            step.delivered(Long.parseLong(frame, dot + 1, dot2, 10), due, now);
        } else {
            step.acked(due, now);
        }
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
