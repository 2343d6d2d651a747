package io.consulta.bench.appointment;

import io.consulta.bench.BenchArgs;
import io.consulta.bench.BenchStack;
import io.consulta.bench.LoadRunner;
import io.consulta.bench.LoadRunner.Plan;
import io.consulta.bench.Percentiles;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 5, against appointment-service's production build (MongoDB-protocol server in memory, Kafka for the outbox,
 * tokens signed with a bench key the service is told to trust):
 * (c) a 90-day free-slot query for a doctor with 2,000 booked visits — p99 under 30 ms;
 * (a) 200 concurrent patients booking distinct slots — throughput and p50/p99, p99 under 100 ms;
 * (b) 200 patients racing for 20 slots — exactly 20 bookings.
 * Args (all optional): {@code clients=200 seconds=30 warmup=10 think=1000 (ms between a client's bookings; 0 = flat out)}.
 */
public final class AppointmentBench {

    static final String BENCH_NAME = "appointments";

    private static final PrintStream OUT = System.out;

    private AppointmentBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int clients = options.integer("clients", 200);
        Duration measured = Duration.ofSeconds(options.integer("seconds", 30));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 10));
        long thinkMillis = options.integer("think", 1000);
        List<String> phases = List.of(options.text("phases", "c,a,b").split(","));

        try (BenchStack stack = BenchStack.start(BENCH_NAME, Set.of(BenchStack.Extra.KAFKA))) {
            String service = stack.startTrustingBenchTokens("appointment-service", Map.of(), List.of());
            try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
                boolean slotQuery = !phases.contains("c") || ninetyDaySlotQuery(http, service, warmup, measured);
                boolean distinct = !phases.contains("a")
                        || distinctBookings(http, service, clients, warmup, measured, thinkMillis);
                boolean race = !phases.contains("b") || raceForTwentySlots(http, service, clients);
                OUT.printf("%nappointment-service RSS after the run: %d MB%n",
                        stack.process("appointment-service").rssMegabytes());
                OUT.println(slotQuery && distinct && race ? "ALL TARGETS MET" : "SOME TARGETS MISSED");
            }
        }
    }

    /** (c) */
    private static boolean ninetyDaySlotQuery(HttpClient http, String service, Duration warmup, Duration measured)
            throws Exception {
        String doctorId = "bench-busy-" + UUID.randomUUID();
        send(http, Booking.publishHours(service, doctorId, 120), 200);
        List<Instant> starts = Booking.slots(90);
        AtomicInteger next = new AtomicInteger();
        long seeding = System.nanoTime();
        runAll(50, () -> {
            int i;
            while ((i = next.getAndIncrement()) < 2000) {
                Instant start = starts.get(i * starts.size() / 2000);
                send(http, Booking.book(service, Booking.patientToken("bench-p-" + i), doctorId, start), 201);
            }
        });
        OUT.printf(Locale.ROOT, "%n(c) booked 2,000 visits for one doctor over 90 days in %.1f s%n",
                (System.nanoTime() - seeding) / 1e9);
        String token = Booking.patientToken("bench-reader");
        Instant from = Instant.now();
        String query = "/api/v1/doctors/" + doctorId + "/slots?from=" + from + "&to=" + from.plus(Duration.ofDays(90));
        LoadRunner.Session reader = client -> client.send("slots-90d",
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(service + query))
                        .header("Authorization", "Bearer " + token).GET().build(), 200);
        LoadRunner.run(Plan.forDuration("warm-up", 10, warmup), service, i -> reader, OUT);
        Percentiles result = LoadRunner.run(Plan.forDuration("measured", 10, measured), service, i -> reader, OUT);
        return result.print(OUT, "(c) 90-day slot query, 2,000 booked visits, 10 clients",
                Percentiles.Target.p99Below(Duration.ofMillis(30)));
    }

    /** (a) */
    private static boolean distinctBookings(HttpClient http, String service, int clients, Duration warmup,
                                            Duration measured, long thinkMillis) throws Exception {
        int doctors = 40;
        List<String> doctorIds = new ArrayList<>();
        for (int d = 0; d < doctors; d++) {
            String doctorId = "bench-dr-" + d + "-" + UUID.randomUUID();
            send(http, Booking.publishHours(service, doctorId, 60), 200);
            doctorIds.add(doctorId);
        }
        List<Instant> starts = Booking.slots(59);
        int patients = 4000;
        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            tokens.add(Booking.patientToken("bench-patient-" + p + "-" + UUID.randomUUID()));
        }
        AtomicInteger next = new AtomicInteger();
        // slot k: doctor k % doctors, start k / doctors; patient k % patients never gets two visits at one time
        LoadRunner.Session booker = client -> {
            int k = next.getAndIncrement();
            if (k >= doctors * starts.size()) {
                Thread.sleep(100);
                return;
            }
            client.send("book", Booking.book(service, tokens.get(k % patients), doctorIds.get(k % doctors),
                    starts.get(k / doctors)), 201);
            if (thinkMillis > 0) {
                // independent patients: a fixed pause would keep all 200 in step, arriving as one burst a second
                Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
            }
        };
        OUT.printf(Locale.ROOT, "%n(a) %d patients booking distinct slots of %d doctors (think time %d ms ± 50 %%)%n",
                clients, doctors, thinkMillis);
        LoadRunner.run(Plan.forDuration("warm-up", clients, warmup), service, i -> staggered(booker, thinkMillis), OUT);
        Percentiles result = LoadRunner.run(Plan.forDuration("measured", clients, measured), service,
                i -> staggered(booker, thinkMillis), OUT);
        return result.print(OUT, "(a) booking distinct slots, " + clients + " clients",
                Percentiles.Target.p99Below(Duration.ofMillis(100)));
    }

    /**
     * A client that first waits a random part of one think time: a phase starts all its clients together, and 200
     * first requests at the same instant over 200 new connections measure that start, not the steady load.
     */
    private static LoadRunner.Session staggered(LoadRunner.Session session, long thinkMillis) {
        AtomicBoolean started = new AtomicBoolean();
        return client -> {
            if (started.compareAndSet(false, true) && thinkMillis > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis));
            }
            session.step(client);
        };
    }

    /** (b) */
    private static boolean raceForTwentySlots(HttpClient http, String service, int clients) throws Exception {
        String doctorId = "bench-race-" + UUID.randomUUID();
        send(http, Booking.publishHours(service, doctorId, 60), 200);
        List<Instant> twenty = Booking.slots(1).subList(0, 20);
        Map<Integer, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        runAll(clients, new Runnable() {
            private final AtomicInteger patient = new AtomicInteger();

            @Override
            public void run() {
                int me = patient.getAndIncrement();
                String token = Booking.patientToken("bench-racer-" + me + "-" + UUID.randomUUID());
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int attempt = 0; attempt < twenty.size(); attempt++) {
                    Instant start = twenty.get((me + attempt) % twenty.size());
                    int status = status(http, Booking.book(service, token, doctorId, start));
                    outcomes.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 201) {
                        return;
                    }
                }
            }
        }, go);
        int booked = outcomes.getOrDefault(201, new AtomicInteger()).get();
        OUT.printf(Locale.ROOT, "%n(b) %d patients racing for 20 slots (each tries every slot until one sticks): "
                + "answers %s → %d bookings: %s%n", clients, outcomes, booked, booked == 20 ? "PASS" : "FAIL");
        // 429: the fair-use limit (consulta.limits.bookings, 10 per patient per 10 minutes) refusing a patient's
        // eleventh attempt; like a 409 it books nothing
        return booked == 20 && outcomes.keySet().stream().allMatch(s -> s == 201 || s == 409 || s == 429);
    }

    private static void runAll(int threads, Runnable work) throws InterruptedException {
        runAll(threads, work, null);
    }

    private static void runAll(int threads, Runnable work, CountDownLatch release) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                pool.submit(work);
            }
            if (release != null) {
                Thread.sleep(500);
                release.countDown();
            }
        }
    }

    private static int status(HttpClient http, java.net.http.HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void send(HttpClient http, java.net.http.HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
