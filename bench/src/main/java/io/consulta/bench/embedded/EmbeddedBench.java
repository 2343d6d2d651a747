package io.consulta.bench.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.LoadRunner;
import io.consulta.bench.LoadRunner.Plan;
import io.consulta.bench.Percentiles;
import io.consulta.bench.CpuUsage;
import io.consulta.bench.chat.ChatLoad;
import io.consulta.testing.TestTokens;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 18: the stack as {@code ./consulta start} runs it — MongoDB-protocol server keeping its data in an H2 file with
 * the local stack's heap, services with the stack's JVM options — with years of data already in it (by default
 * 1,000,000 chat messages over 5,000 conversations, 200,000 appointments, 50,000 notifications; see
 * {@link EmbeddedSeed}). Measures, on a copy of the seeded store:
 * <ol>
 * <li>reads at 20 closed-loop clients, each kind on its own, by people already signed in (each person's token has been
 * seen once by each service): a conversation's newest history page, a user's notification list, a patient's
 * appointment list — p99 under 20 ms (and, asked for with {@code reads=conversations}, a doctor's conversation
 * list);</li>
 * <li>chat at 2,000 msg/s over 500 sockets (250 of the seeded conversations) — p99 under 50 ms, nothing lost;</li>
 * <li>a restart of everything on that data — ready again in under 60 s, every document still there.</li>
 * </ol>
 * {@code bench/run embedded [phases=reads,chat,restart | seed] [reads=history,notifications,appointments | conversations] [clients=20]
 * [think=0] [seconds=20] [warmup=10] [rate=2000]
 * [chatSeconds=30] [chatWarmup=40] [sockets=500] [conversations=5000] [messages=1000000] [appointments=200000]
 * [notifications=50000] [doctors=500]}
 */
public final class EmbeddedBench {

    static final String BENCH_NAME = "embedded";
    private static final PrintStream OUT = System.out;
    private static final Duration READ_TARGET = Duration.ofMillis(20);
    private static final double CHAT_P99_TARGET_MILLIS = 50;
    private static final Duration RESTART_TARGET = Duration.ofSeconds(60);
    private static final List<String> COUNTED = List.of("consulta_chat.messages", "consulta_chat.conversations",
            "consulta_chat.notifications", "consulta_appointments.appointments");

    private EmbeddedBench() {
    }

    /** Services trust locally signed tokens (no Keycloak); one device here sends far more than a person would. */
    static Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new HashMap<>(BenchStack.TRUST_BENCH_TOKENS);
        environment.putAll(Map.of("CONSULTA_CHAT_LIMITS_FRAMES_PER_SECOND", "100000",
                "CONSULTA_CHAT_LIMITS_FRAME_BURST", "100000"));
        return environment;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        EmbeddedData data = new EmbeddedData(options.integer("conversations", 5000), options.integer("messages", 1_000_000),
                options.integer("appointments", 200_000), options.integer("notifications", 50_000),
                options.integer("doctors", 500));
        List<String> phases = List.of(options.text("phases", "reads,chat,restart").split(","));
        Path root = Path.of(System.getProperty("consulta.root", ".")).toAbsolutePath().normalize();
        Path seeded = new EmbeddedSeed(OUT, data).store(root);
        if (phases.equals(List.of("seed"))) {
            return;
        }

        Map<String, Boolean> results = new LinkedHashMap<>();
        try (BenchStack stack = BenchStack.startLocal(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA), seeded)) {
            OUT.printf(Locale.ROOT, "MongoDB (H2 file, local stack settings) ready in %.1f s%n",
                    stack.process("mongodb").readyMillis() / 1000.0);
            String chat = stack.startService("chat-service", serviceEnvironment());
            String appointments = stack.startService("appointment-service", serviceEnvironment());
            OUT.printf(Locale.ROOT, "chat-service ready in %.1f s, appointment-service in %.1f s%n",
                    stack.process("chat-service").readyMillis() / 1000.0,
                    stack.process("appointment-service").readyMillis() / 1000.0);
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                if (phases.contains("reads")) {
                    ReadLoad load = new ReadLoad(Set.of(options.text("reads", String.join(",", ReadLoad.KINDS)).split(",")),
                            options.integer("clients", 20),
                            Duration.ofMillis(options.integer("think", 0)),
                            Duration.ofSeconds(options.integer("warmup", 10)),
                            Duration.ofSeconds(options.integer("seconds", 20)));
                    results.putAll(reads(stack, data, chat, appointments, load));
                }
                if (phases.contains("chat")) {
                    results.put("chat", chat(stack, mongo, data, chat, options));
                }
                if (phases.contains("restart")) {
                    results.put("restart", restart(stack, mongo));
                }
            }
            OUT.printf("%nMongoDB RSS %d MB, store %d MB%n", stack.process("mongodb").rssMegabytes(),
                    java.nio.file.Files.size(stack.mongoStore()) >> 20);
        }
        OUT.println();
        results.forEach((name, met) -> OUT.printf("%-26s %s%n", name, met ? "PASS" : "FAIL"));
        OUT.println(results.containsValue(false) ? "SOME TARGETS MISSED" : "ALL TARGETS MET");
    }

    /**
     * {@code clients} clients, each sending its next request {@code think} after its last answer (zero: at once, a
     * closed loop that measures the most the machine serves).
     */
    private record ReadLoad(Set<String> kinds, int clients, Duration think, Duration warmup, Duration measured) {

        /** What {@code reads} measures by default: issue 18's three reads. */
        static final List<String> KINDS = List.of("history", "notifications", "appointments");

        Plan plan(String title, Duration duration) {
            return Plan.forDuration(title, clients, duration).thinking(think);
        }
    }

    private static Map<String, Long> processes(BenchStack stack, String service) {
        return Map.of(service, stack.process(service).pid(), "mongodb", stack.process("mongodb").pid());
    }

    /** Each read on its own, random people, newest page. */
    private static Map<String, Boolean> reads(BenchStack stack, EmbeddedData data, String chat, String appointments,
                                              ReadLoad load) throws InterruptedException {
        Map<String, Boolean> met = new LinkedHashMap<>();
        Tokens tokens = new Tokens();
        signIn(data, tokens, chat, appointments);
        if (load.kinds().contains("history")) {
            HistorySources sources = new HistorySources(stack.managementUrl("chat-service"));
            met.put("history page", read("history page", chat, processes(stack, "chat-service"), load, client -> {
                int c = ThreadLocalRandom.current().nextInt(data.conversations());
                client.send("history", authorized(chat + "/api/v1/conversations/" + EmbeddedData.conversationId(c)
                        + "/messages", tokens.patient(c)), 200);
            }, sources));
        }
        if (load.kinds().contains("notifications")) {
            met.put("notification list", read("notification list", chat, processes(stack, "chat-service"), load,
                    client -> {
                        int p = ThreadLocalRandom.current().nextInt(data.patients());
                        client.send("notifications", authorized(chat + "/api/v1/notifications", tokens.patient(p)), 200);
                    }));
        }
        if (load.kinds().contains("conversations")) {
            met.put("conversation list", read("conversation list", chat, processes(stack, "chat-service"), load,
                    client -> {
                        int d = ThreadLocalRandom.current().nextInt(data.doctors());
                        client.send("conversations", authorized(chat + "/api/v1/conversations", tokens.doctor(d)), 200);
                    }));
        }
        if (load.kinds().contains("appointments")) {
            met.put("appointment list", read("appointment list", appointments,
                    processes(stack, "appointment-service"), load, client -> {
                        int p = ThreadLocalRandom.current().nextInt(data.patients());
                        client.send("appointments", authorized(appointments + "/api/v1/appointments",
                                tokens.patient(p)), 200);
                    }));
        }
        return met;
    }

    /**
     * Every person's first request with a token has it verified (signature, claims) and each service then knows it
     * until it expires: the people of a clinic stay signed in for hours. One request per person to each service
     * before measuring, so that the reads measure people who are signed in, not {@code patients} first visits.
     */
    private static void signIn(EmbeddedData data, Tokens tokens, String chat, String appointments)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Percentiles signedIn = LoadRunner.run(Plan.forRequests("sign-in: one request per person per service",
                20, 2L * data.patients(), Duration.ofMinutes(2)), chat, i -> client -> {
                    int p = next.getAndIncrement() % data.patients();
                    client.send("chat", authorized(chat + "/api/v1/notifications?limit=1", tokens.patient(p)), 200);
                    client.send("appointments", authorized(appointments + "/api/v1/appointments?limit=1",
                            tokens.patient(p)), 200);
                }, OUT);
        OUT.printf(Locale.ROOT, "  %d people signed in (%d errors)%n", signedIn.count() / 2, signedIn.errors());
    }

    private static boolean read(String title, String service, Map<String, Long> processes, ReadLoad load,
                                LoadRunner.Session session) throws InterruptedException {
        return read(title, service, processes, load, session, null);
    }

    /** {@code sources}, when given, says afterwards where the measured phase's history pages came from. */
    private static boolean read(String title, String service, Map<String, Long> processes, ReadLoad load,
                                LoadRunner.Session session, HistorySources sources) throws InterruptedException {
        LoadRunner.run(load.plan(title + " warm-up", load.warmup()), service, i -> session, OUT);
        if (sources != null) {
            sources.start();
        }
        CpuUsage cpu = CpuUsage.start(processes);
        long started = System.nanoTime();
        Percentiles result = LoadRunner.run(load.plan(title, load.measured()), service, i -> session, OUT);
        cpu.print(OUT, Duration.ofNanos(System.nanoTime() - started), result.count());
        if (sources != null) {
            sources.print(OUT);
        }
        return result.print(OUT, title + ", " + load.clients() + " clients", Percentiles.Target.p99Below(READ_TARGET));
    }

    private static boolean chat(BenchStack stack, MongoClient mongo, EmbeddedData data, String chat, BenchArgs options)
            throws Exception {
        int pairsUsed = Math.min(data.conversations(), options.integer("sockets", 500) / 2);
        List<ChatLoad.Pair> pairs = new ArrayList<>();
        for (int c = 0; c < pairsUsed; c++) {
            pairs.add(new ChatLoad.Pair(EmbeddedData.conversationId(c), EmbeddedData.patient(c),
                    data.doctorOfConversation(c)));
        }
        try (ChatLoad load = ChatLoad.connect(OUT, mongo, chat, pairs)) {
            Map<String, Long> measured = Map.of("chat-service", stack.process("chat-service").pid(),
                    "mongodb", stack.process("mongodb").pid(), "kafka", stack.process("kafka").pid());
            return load.steady(options.integer("rate", 2000), options.integer("chatWarmup", 40),
                    options.integer("chatSeconds", 30), measured, CHAT_P99_TARGET_MILLIS).met();
        }
    }

    /** Everything stopped and started again on the same store: ready in time, and every document still there. */
    private static boolean restart(BenchStack stack, MongoClient mongo) {
        // counted once the services are stopped: an overloaded chat-service is still storing what it accepted
        stack.stopServices();
        Map<String, Long> before = counts(mongo);
        OUT.printf("%nRestart with %s%n", before);
        Duration took = stack.restart();
        OUT.printf(Locale.ROOT, "Ready again in %.1f s (MongoDB %.1f s, chat-service %.1f s, appointment-service %.1f s "
                        + "from their own start)%n", took.toMillis() / 1000.0,
                stack.process("mongodb").readyMillis() / 1000.0, stack.process("chat-service").readyMillis() / 1000.0,
                stack.process("appointment-service").readyMillis() / 1000.0);
        Map<String, Long> after = counts(mongo);
        boolean kept = after.equals(before);
        OUT.printf("After the restart: %s — %s%n", after, kept ? "nothing lost" : "DIFFERENT");
        boolean met = kept && took.compareTo(RESTART_TARGET) < 0;
        OUT.printf(Locale.ROOT, "Target ready in < %d s, nothing lost: %s%n", RESTART_TARGET.toSeconds(),
                met ? "PASS" : "FAIL");
        return met;
    }

    private static Map<String, Long> counts(MongoClient mongo) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String namespace : COUNTED) {
            String[] parts = namespace.split("\\.", 2);
            counts.put(parts[1], mongo.getDatabase(parts[0]).getCollection(parts[1]).estimatedDocumentCount());
        }
        return counts;
    }

    private static HttpRequest authorized(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** Signing a token costs about a millisecond: each person's is made once. */
    private static final class Tokens {
        private final Map<Integer, String> patients = new ConcurrentHashMap<>();
        private final Map<Integer, String> doctors = new ConcurrentHashMap<>();

        String doctor(int i) {
            return doctors.computeIfAbsent(i, n -> TestTokens.token(EmbeddedData.doctor(n), List.of("doctor"),
                    Duration.ofHours(2).toSeconds()));
        }

        String patient(int i) {
            return patients.computeIfAbsent(i, n -> TestTokens.token(EmbeddedData.patient(n), List.of("patient"),
                    Duration.ofHours(2).toSeconds()));
        }
    }
}
