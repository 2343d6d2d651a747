package io.consulta.bench.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.consulta.bench.BenchStack;
import io.consulta.testing.TestTokens;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills an H2 store with the benchmark's data, written in the services' own stored shape straight into their databases
 * with bulk inserts, and keeps it in {@code .cache/bench/embedded/} for later runs (each run measures on a copy).
 * <p>
 * The shape comes from the services themselves: chat-service and appointment-service run against the store first
 * (they create their indexes), one conversation is opened and one visit booked through their APIs, and every seeded
 * conversation and visit is a copy of what they wrote with other ids, people and times. Messages and notifications are
 * written as their stores write them ({@code ChatMessage.toDocument}, {@code NotificationStore.create}).
 */
@RequiredArgsConstructor
final class EmbeddedSeed {

    private static final int BATCH = 1000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final PrintStream out;
    private final EmbeddedData data;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** The cached store for these counts, seeded first if there is none. */
    Path store(Path root) throws Exception {
        Path cached = root.resolve(".cache/bench/embedded").resolve(data.storeName());
        if (Files.exists(cached)) {
            out.printf(Locale.ROOT, "Seeded store: %s (%d MB, cached)%n", cached, Files.size(cached) >> 20);
            return cached;
        }
        long started = System.nanoTime();
        Path seeded;
        try (BenchStack stack = BenchStack.startLocal("embedded-seed", Set.of(BenchStack.Extra.KAFKA), null)) {
            String chat = stack.startService("chat-service", EmbeddedBench.serviceEnvironment());
            String appointments = stack.startService("appointment-service", EmbeddedBench.serviceEnvironment());
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                seed(stack, mongo, chat, appointments);
            }
            seeded = stack.mongoStore();
        } // stopped: the store is flushed and closed
        Files.createDirectories(cached.getParent());
        Path partial = cached.resolveSibling(cached.getFileName() + ".partial");
        Files.copy(seeded, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
        out.printf(Locale.ROOT, "Seeded store: %s (%d MB) in %.0f s%n", cached, Files.size(cached) >> 20,
                (System.nanoTime() - started) / 1e9);
        return cached;
    }

    private void seed(BenchStack stack, MongoClient mongo, String chat, String appointments) throws Exception {
        Document conversation = conversationTemplate(mongo, chat);
        Document visit = visitTemplate(mongo, appointments);
        // their background polls scan whole collections, which would slow the bulk inserts down more and more
        stack.process("chat-service").stop(Duration.ofSeconds(15));
        stack.process("appointment-service").stop(Duration.ofSeconds(15));
        try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
            Future<?> chatData = writers.submit(() -> {
                seedConversations(mongo, conversation);
                seedMessages(mongo);
                return null;
            });
            Future<?> rest = writers.submit(() -> {
                seedVisits(mongo, visit);
                seedNotifications(mongo);
                return null;
            });
            chatData.get();
            rest.get();
        }
    }

    /** Opens conversation 0 through the API and returns the stored document (then removed: it is seeded again). */
    private Document conversationTemplate(MongoClient mongo, String chat) throws Exception {
        MongoCollection<Document> relationships = chatDb(mongo).getCollection("care_relationships");
        List<Document> pairs = new ArrayList<>();
        for (int c = 0; c < data.conversations(); c++) {
            pairs.add(new Document("_id", data.doctorOfConversation(c) + "|" + EmbeddedData.patient(c))
                    .append("doctorId", data.doctorOfConversation(c)).append("patientId", EmbeddedData.patient(c))
                    .append("appointments", List.of("bench-appointment-" + c)));
        }
        insert(relationships, pairs);
        send(HttpRequest.newBuilder(URI.create(chat + "/api/v1/conversations"))
                .header("Authorization", "Bearer " + TestTokens.patient(EmbeddedData.patient(0)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"doctorId\":\"" + data.doctorOfConversation(0) + "\"}"))
                .build(), 201);
        MongoCollection<Document> conversations = chatDb(mongo).getCollection("conversations");
        Document template = awaitOutboxEmpty(conversations, Filters.eq("patientId", EmbeddedData.patient(0)));
        conversations.deleteOne(Filters.eq("_id", template.getString("_id")));
        return template;
    }

    /** Books one visit through the API and returns the stored document (then removed). */
    private Document visitTemplate(MongoClient mongo, String service) throws Exception {
        String doctor = EmbeddedData.doctor(0);
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        send(json(service + "/api/v1/doctors/" + doctor + "/availability", TestTokens.doctor(doctor))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,"horizonDays":30,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30}]}""".formatted(everyDay))).build(), 200);
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(10, 0).toInstant(ZoneOffset.UTC);
        send(json(service + "/api/v1/appointments", TestTokens.patient(EmbeddedData.patient(0)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"doctorId\":\"" + doctor + "\",\"start\":\"" + start
                        + "\",\"visitType\":\"IN_PERSON\"}")).build(), 201);
        MongoCollection<Document> appointments = mongo.getDatabase("consulta_appointments").getCollection("appointments");
        Document template = awaitOutboxEmpty(appointments, Filters.eq("patientId", EmbeddedData.patient(0)));
        appointments.deleteOne(Filters.eq("_id", template.getString("_id")));
        return template;
    }

    private void seedConversations(MongoClient mongo, Document template) {
        List<Document> all = new ArrayList<>();
        int perConversation = data.messagesPerConversation();
        for (int c = 0; c < data.conversations(); c++) {
            Document copy = new Document(template);
            String patient = EmbeddedData.patient(c);
            String doctor = data.doctorOfConversation(c);
            Instant last = messageTime(c, perConversation);
            copy.append("_id", EmbeddedData.conversationId(c)).append("pairKey", doctor + "|" + patient)
                    .append("patientId", patient).append("doctorId", doctor).append("startedBy", patient)
                    .append("createdAt", Date.from(messageTime(c, 1))).append("lastActivityAt", Date.from(last))
                    .append("lastSeq", (long) perConversation).append("patientUnread", 0L).append("doctorUnread", 0L)
                    .append("patientReadSeq", (long) perConversation).append("doctorReadSeq", (long) perConversation)
                    .append("lastMessage", new Document("id", messageId(c, perConversation))
                            .append("senderId", sender(c, perConversation)).append("preview", text(c, perConversation))
                            .append("sentAt", Date.from(last)).append("mediaCount", 0))
                    .append("outbox", List.of());
            all.add(copy);
        }
        insert(chatDb(mongo).getCollection("conversations"), all);
        out.printf("  %,d conversations%n", all.size());
    }

    /**
     * Conversation by conversation in sequence order, with ids that sort the same way: H2 keeps each map as a B-tree
     * and rewrites every page a change touched, so writing keys in order is what makes a bulk load of a million
     * messages take minutes rather than hours. The ids keep the service's UUID form.
     */
    private void seedMessages(MongoClient mongo) {
        MongoCollection<Document> messages = chatDb(mongo).getCollection("messages");
        List<Document> batch = new ArrayList<>(BATCH);
        long written = 0;
        long started = System.nanoTime();
        for (int c = 0; c < data.conversations(); c++) {
            for (int seq = 1; seq <= data.messagesPerConversation(); seq++) {
                batch.add(new Document("_id", messageId(c, seq)).append("conversationId", EmbeddedData.conversationId(c))
                        .append("seq", (long) seq).append("senderId", sender(c, seq))
                        .append("clientMessageId", "seed-" + c + "-" + seq).append("text", text(c, seq))
                        .append("mediaIds", List.of()).append("sentAt", Date.from(messageTime(c, seq))));
                if (batch.size() == BATCH) {
                    messages.insertMany(batch, UNORDERED);
                    written += batch.size();
                    batch.clear();
                    if (written % 100_000 == 0) {
                        out.printf(Locale.ROOT, "  %,d messages (%.0f/s)%n", written,
                                written / ((System.nanoTime() - started) / 1e9));
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            messages.insertMany(batch, UNORDERED);
        }
    }

    /**
     * Visit k: doctor k mod doctors, patient k mod patients, at the doctor's (k / doctors)-th slot, 1.75 days apart from
     * 600 days ago on, so no doctor or patient has two at once; past ones completed, the rest booked. Written doctor by
     * doctor with ids in that order (see {@link #seedMessages}).
     */
    private void seedVisits(MongoClient mongo, Document template) {
        MongoCollection<Document> appointments = mongo.getDatabase("consulta_appointments").getCollection("appointments");
        Instant first = now.minus(Duration.ofDays(600)).truncatedTo(ChronoUnit.DAYS);
        List<Document> batch = new ArrayList<>(BATCH);
        int perDoctor = data.appointments() / data.doctors();
        for (int i = 0; i < data.appointments(); i++) {
            int k = (i % perDoctor) * data.doctors() + i / perDoctor;
            int d = k % data.doctors();
            String doctor = EmbeddedData.doctor(d);
            String patient = EmbeddedData.patient(k % data.patients());
            Instant start = first.plus(Duration.ofMinutes((k / data.doctors()) * 2520L + 360 + 30L * (d % 24)));
            Instant end = start.plus(Duration.ofMinutes(30));
            String id = orderedId(d, k / data.doctors(), "bench-visit-" + k);
            boolean past = end.isBefore(now);
            Document copy = new Document(template);
            copy.append("_id", id).append("doctorId", doctor).append("patientId", patient)
                    .append("start", Date.from(start)).append("end", Date.from(end))
                    .append("claims", claims(doctor, patient, start, end)).append("idempotencyKey", id)
                    .append("status", past ? "FULFILLED" : "BOOKED")
                    .append("createdAt", Date.from(start.minus(Duration.ofDays(10))))
                    .append("updatedAt", Date.from(past ? end : start.minus(Duration.ofDays(10))))
                    .append("nextReminderAt", past ? null : Date.from(start.minus(Duration.ofDays(1))))
                    .append("nextReminderKind", past ? null : template.get("nextReminderKind"))
                    .append("completedAt", past ? Date.from(end) : null)
                    .append("version", 0L).append("outbox", List.of());
            batch.add(copy);
            if (batch.size() == BATCH) {
                appointments.insertMany(batch, UNORDERED);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            appointments.insertMany(batch, UNORDERED);
        }
        out.printf("  %,d appointments%n", data.appointments());
    }

    /** As SlotClaims writes them: one key per five-minute cell, for the doctor and for the patient. */
    private static List<String> claims(String doctor, String patient, Instant start, Instant end) {
        List<String> claims = new ArrayList<>();
        for (long cell = start.getEpochSecond() / 300; cell < Math.ceilDiv(end.getEpochSecond(), 300); cell++) {
            claims.add("doctor:" + doctor + ":" + cell);
        }
        for (long cell = start.getEpochSecond() / 300; cell < Math.ceilDiv(end.getEpochSecond(), 300); cell++) {
            claims.add("patient:" + patient + ":" + cell);
        }
        return claims;
    }

    /** As NotificationStore.create writes them: the same number for every patient, every other one read. */
    private void seedNotifications(MongoClient mongo) {
        MongoCollection<Document> notifications = chatDb(mongo).getCollection("notifications");
        List<Document> batch = new ArrayList<>(BATCH);
        for (int n = 0; n < data.notifications(); n++) {
            String user = EmbeddedData.patient(n % data.patients());
            Instant at = now.minus(Duration.ofMinutes(n * 13L % 500_000));
            batch.add(new Document("_id", "bench-event-" + n + ":" + user).append("userId", user)
                    .append("kind", "appointment.reminder").append("title", "Visit tomorrow")
                    .append("body", "Your visit with your doctor is tomorrow at 10:00.")
                    .append("data", new Document("appointmentId", "bench-visit-" + n))
                    .append("createdAt", Date.from(at)).append("readAt", n % 2 == 0 ? Date.from(at) : null));
            if (batch.size() == BATCH) {
                notifications.insertMany(batch, UNORDERED);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            notifications.insertMany(batch, UNORDERED);
        }
        out.printf("  %,d notifications%n", data.notifications());
    }

    private Instant messageTime(int c, int seq) {
        return now.minus(Duration.ofMinutes((long) (data.messagesPerConversation() - seq) * 97 + c % 60));
    }

    private static String messageId(int c, int seq) {
        return orderedId(c, seq, "bench-message-" + c + "-" + seq);
    }

    /** A UUID-shaped id that sorts by (major, minor); its second half is derived from {@code name}. */
    private static String orderedId(int major, int minor, String name) {
        long low = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getLeastSignificantBits();
        return new UUID(((long) major << 32) | minor, low).toString();
    }

    private String sender(int c, int seq) {
        return seq % 2 == 1 ? EmbeddedData.patient(c) : data.doctorOfConversation(c);
    }

    private static String text(int c, int seq) {
        return "Seeded message " + seq + " of conversation " + c + ": how are you feeling after the last visit?";
    }

    private static com.mongodb.client.MongoDatabase chatDb(MongoClient mongo) {
        return mongo.getDatabase("consulta_chat");
    }

    private static void insert(MongoCollection<Document> collection, List<Document> documents) {
        for (int i = 0; i < documents.size(); i += BATCH) {
            collection.insertMany(documents.subList(i, Math.min(documents.size(), i + BATCH)), UNORDERED);
        }
    }

    /** The service's document once its relay has published and removed the outbox entry. */
    private static Document awaitOutboxEmpty(MongoCollection<Document> collection, org.bson.conversions.Bson filter)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Document found = collection.find(filter).first();
            if (found != null && found.getList("outbox", Object.class, List.of()).isEmpty()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no published document in " + collection.getNamespace() + ": " + found);
            }
            Thread.sleep(100);
        }
    }

    private static HttpRequest.Builder json(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static void send(HttpRequest request, int expected) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode()
                        + " " + response.body());
            }
        }
    }

}
