package io.consulta.bench.notes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One patient's journal as it grows over years: notes by the patient and two doctors, through notes-service's API
 * (so every note is a real write with its outbox entry), in symptom-diary vocabulary so that word searches match a
 * realistic share of notes. The doctors' care relationships come from appointment.booked events on Kafka, as in
 * production.
 */
final class JournalSeed {

    static final List<String> WORDS = List.of("headache", "migraine", "nausea", "fever", "cough", "rash", "sleep",
            "fatigue", "dizziness", "pain", "back", "knee", "stomach", "appetite", "blood", "pressure", "glucose",
            "insulin", "dose", "tablet", "morning", "evening", "walk", "exercise", "water", "coffee", "stress", "work",
            "allergy", "pollen", "inhaler", "breathing", "swelling", "ankle", "vision", "hearing", "mood", "anxiety",
            "better", "worse", "same", "improving", "follow-up", "results", "scan", "test", "therapy", "diet");
    static final List<String> TAGS = List.of("symptoms", "medication", "diet", "sleep", "exercise", "results", "mood",
            "follow-up");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Journal(String patientId, List<String> doctorIds) {

        String patientToken() {
            return TestTokens.token(patientId, List.of("patient"), 24 * 3600);
        }

        String doctorToken(int which) {
            return TestTokens.token(doctorIds.get(which), List.of("doctor"), 24 * 3600);
        }
    }

    static Journal seed(String service, String kafkaBootstrap, int notes, PrintWithTime out) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Journal journal = new Journal("bench-patient-" + suffix,
                List.of("bench-doctor-a-" + suffix, "bench-doctor-b-" + suffix));
        for (String doctorId : journal.doctorIds()) {
            book(kafkaBootstrap, journal.patientId(), doctorId);
        }
        try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            awaitCareRelationships(http, service, journal);
            List<String> tokens = List.of(journal.patientToken(), journal.doctorToken(0), journal.doctorToken(1));
            AtomicInteger next = new AtomicInteger();
            try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 16; w++) {
                    done.add(writers.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < notes) {
                            Random random = new Random(i);
                            write(http, service, journal.patientId(), tokens.get(i % 3), note(random, i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        }
        out.println("Seeded " + notes + " notes by 3 authors in one journal");
        return journal;
    }

    interface PrintWithTime {
        void println(String line);
    }

    private static Map<String, Object> note(Random random, int i) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("title", capitalised(pick(random)) + " and " + pick(random) + " (" + i + ")");
        StringBuilder body = new StringBuilder();
        int words = 40 + random.nextInt(160);
        for (int w = 0; w < words; w++) {
            body.append(w % 12 == 0 && w > 0 ? ".\n" : " ").append(pick(random));
        }
        note.put("body", body.toString().strip());
        note.put("tags", List.of(TAGS.get(random.nextInt(TAGS.size()))));
        // most of a journal is shared; some notes are the author's own
        note.put("visibility", random.nextInt(10) == 0 ? "private" : "shared");
        return note;
    }

    static String pick(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void write(HttpClient http, String service, String patientId, String token,
                              Map<String, Object> note) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/api/v1/patients/" + patientId + "/notes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(note))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("writing a note answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** appointment.booked as appointment-service publishes it. */
    private static void book(String kafkaBootstrap, String patientId, String doctorId) throws Exception {
        String appointmentId = "bench-appt-" + UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(3));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/bench");
        event.put("type", "appointment.booked");
        event.put("time", Instant.now().toString());
        event.put("subject", appointmentId);
        event.put("datacontenttype", "application/json");
        event.put("data", Map.of("appointmentId", appointmentId, "doctorId", doctorId, "patientId", patientId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString(), "status", "booked"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafkaBootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("consulta.appointments", appointmentId,
                    JSON.writeValueAsString(event));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static void awaitCareRelationships(HttpClient http, String service, Journal journal) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (int d = 0; d < journal.doctorIds().size(); d++) {
            while (true) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/patients/"
                                + journal.patientId() + "/notes?limit=1"))
                        .header("Authorization", "Bearer " + journal.doctorToken(d)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("notes-service never saw the doctors' appointments: " + r.body());
                }
                Thread.sleep(200);
            }
        }
    }
}
