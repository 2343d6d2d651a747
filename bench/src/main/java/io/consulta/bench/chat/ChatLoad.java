package io.consulta.bench.chat;

import com.mongodb.client.MongoClient;
import io.consulta.bench.CpuUsage;
import io.consulta.testing.TestTokens;
import org.bson.Document;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Chat load over open conversations: one WebSocket per person, messages at a fixed rate alternating between both sides
 * of every conversation, latency from the moment a message was due to the moment the other person's device received
 * it. Used by the chat benchmark and by the embedded-store benchmark, on conversations each of them prepared.
 */
public final class ChatLoad implements AutoCloseable {

    /** A conversation the load writes to, and its two people. */
    public record Pair(String conversationId, String patientId, String doctorId) {
    }

    private static final String MESSAGE = "{\"type\":\"message\"";
    private static final String ACK = "{\"type\":\"ack\"";
    private static final String ERROR = "{\"type\":\"error\"";
    private static final String CLIENT_ID = "\"clientMessageId\":\"";

    private final PrintStream out;
    private final MongoClient mongo;
    private final List<ChatStep> steps = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    /** Sockets closed, sends failed or socket errors during the run: any one makes the run untrustworthy. */
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final ChatReader reader;
    private final String[] conversationIds;
    private final ChatDevice[] patients;
    private final ChatDevice[] doctors;

    private ChatLoad(PrintStream out, MongoClient mongo, List<Pair> pairs) throws java.io.IOException {
        this.out = out;
        this.mongo = mongo;
        this.reader = new ChatReader();
        this.conversationIds = pairs.stream().map(Pair::conversationId).toArray(String[]::new);
        this.patients = new ChatDevice[pairs.size()];
        this.doctors = new ChatDevice[pairs.size()];
    }

    /** Connects both people of every pair to chat-service's socket at {@code service}. */
    public static ChatLoad connect(PrintStream out, MongoClient mongo, String service, List<Pair> pairs) throws Exception {
        ChatLoad load = new ChatLoad(out, mongo, pairs);
        try {
            load.connectAll(service, pairs);
            return load;
        } catch (Exception e) {
            load.close();
            throw e;
        }
    }

    private void connectAll(String service, List<Pair> pairs) throws Exception {
        long started = System.nanoTime();
        URI socket = URI.create(service.replace("http://", "ws://") + "/ws/chat");
        try (ExecutorService connecting = Executors.newFixedThreadPool(16)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                int n = i;
                Pair pair = pairs.get(i);
                pending.add(connecting.submit(() -> {
                    patients[n] = ChatDevice.connect(reader, socket, pair.patientId(), token(pair.patientId(), "patient"),
                            this::onFrame, this::problem);
                    doctors[n] = ChatDevice.connect(reader, socket, pair.doctorId(), token(pair.doctorId(), "doctor"),
                            this::onFrame, this::problem);
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        }
        out.printf(Locale.ROOT, "Opened %d WebSocket connections in %.1f s%n", 2 * pairs.size(),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Rises to {@code rate} in four quarters of {@code warmup} seconds (the JIT and the heaps settle, as with real
     * traffic), then measures {@code seconds} at the rate and prints the result, the CPU of the {@code measured}
     * processes per message, and whether p99 stayed under {@code p99Target} ms with nothing lost.
     */
    public Steady steady(int rate, int warmup, int seconds, Map<String, Long> measured, double p99Target) throws InterruptedException {
        for (int quarter = 1; quarter <= 4; quarter++) {
            runStep(newStep("warmup", rate * quarter / 4, Math.max(1, warmup / 4)));
        }
        ChatStep steady = newStep("steady", rate, seconds);
        CpuUsage cpu = CpuUsage.start(measured);
        runStep(steady);
        out.printf(Locale.ROOT, "%nSteady %d msg/s for %d s over %d connections in %d conversations:%n", rate,
                seconds, 2 * conversationIds.length, conversationIds.length);
        ChatStep.header(out);
        steady.row(out);
        out.println(steady.ackSummary());
        out.println(steady.timeline());
        cpu.print(out, Duration.ofSeconds(seconds), steady.sent.get());
        boolean met = steady.lost() == 0 && steady.errors.get() == 0 && steady.duplicates.get() == 0 && problems.isEmpty()
                && steady.p99Millis() < p99Target && steady.deliveredPerSecond() >= 0.98 * rate;
        out.printf(Locale.ROOT, "Target p99 < %.0f ms at %d msg/s, nothing lost: %s (p99 = %.1f ms)%n",
                p99Target, rate, met ? "PASS" : "FAIL", steady.p99Millis());
        if (steady.firstError.get() != null) {
            out.println("First error frame: " + steady.firstError.get());
        }
        return new Steady(steady, met);
    }

    /** The measured step and whether it met its target. */
    public record Steady(ChatStep step, boolean met) {

        public double deliveredPerSecond() {
            return step.deliveredPerSecond();
        }
    }

    ChatStep newStep(String name, int rate, int seconds) {
        return new ChatStep(steps.size(), name, rate, seconds);
    }

    /** Messages sent in every step so far. */
    public long sent() {
        return steps.stream().mapToLong(step -> step.sent.get()).sum();
    }

    /** Messages acknowledged as stored in every step so far. */
    public long acked() {
        return steps.stream().mapToLong(step -> step.ack.getTotalCount()).sum();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void problem(String what) {
        problems.add(what);
        out.printf(Locale.ROOT, "  socket problem during %s: %s%n", steps.isEmpty() ? "connect" : steps.getLast().name, what);
    }

    /** Sends at the step's rate: message number i is due at start + i / rate, whatever happened before. */
    void runStep(ChatStep step) throws InterruptedException {
        steps.add(step);
        out.printf("%s: %d msg/s for %d s…%n", step.name, step.rate, step.seconds);
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
        out.printf("  %s done: %d events waiting in outboxes%n", step.name, pendingEvents());
    }

    /**
     * message.sent events stored but not yet published: a relay that falls behind shows here first. They wait in the
     * conversations' outboxes (chat-service's only outbox collection), found as the relay finds them (its sparse index
     * on {@code outbox.id}), so the check does not read a million messages on a disk store.
     */
    private long pendingEvents() {
        long pending = 0;
        for (Document d : mongo.getDatabase("consulta_chat").getCollection("conversations")
                .find(new Document("outbox.id", new Document("$exists", true))).projection(new Document("outbox", 1))) {
            pending += d.getList("outbox", Object.class, List.of()).size();
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

    private static String token(String userId, String role) {
        return TestTokens.token(userId, List.of(role), Duration.ofHours(2).toSeconds());
    }

    @Override
    public void close() throws java.io.IOException {
        for (int i = 0; i < conversationIds.length; i++) {
            if (patients[i] != null) {
                patients[i].close();
            }
            if (doctors[i] != null) {
                doctors[i].close();
            }
        }
        reader.close();
    }
}
