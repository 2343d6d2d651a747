package io.consulta.bench;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop load: N virtual clients (virtual threads), each with its own HTTP/1.1 connection like a browser tab, each
 * sending its next request as soon as the previous answer arrived. A phase ends after a duration or a number of
 * requests, whichever comes first; requests in flight then finish and are counted.
 */
public final class LoadRunner {

    /** One user action of a virtual client; it may send several requests (e.g. follow a page cursor). */
    @FunctionalInterface
    public interface Session {
        void step(Client client) throws InterruptedException;
    }

    /**
     * How long a phase runs: until {@code duration} has passed or {@code maxRequests} were sent. Each client waits
     * {@code think} after each step, as a person reads before the next click; zero keeps every client always busy.
     */
    public record Plan(String name, int clients, Duration duration, long maxRequests, Duration think) {

        public static Plan forDuration(String name, int clients, Duration duration) {
            return new Plan(name, clients, duration, Long.MAX_VALUE, Duration.ZERO);
        }

        /** {@code requests} in all, spread over the clients; {@code limit} stops a phase that would never end. */
        public static Plan forRequests(String name, int clients, long requests, Duration limit) {
            return new Plan(name, clients, limit, requests, Duration.ZERO);
        }

        public Plan thinking(Duration pause) {
            return new Plan(name, clients, duration, maxRequests, pause);
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private LoadRunner() {
    }

    /**
     * Runs one phase; {@code sessions} makes the session of client number i (so each client can keep its own state,
     * e.g. a random generator or a cursor).
     */
    public static Percentiles run(Plan plan, String baseUrl, IntFunction<Session> sessions, PrintStream out)
            throws InterruptedException {
        Percentiles percentiles = new Percentiles();
        AtomicLong budget = new AtomicLong(plan.maxRequests());
        long deadline = System.nanoTime() + plan.duration().toNanos();
        out.printf(Locale.ROOT, "%s: %d clients%s, %s…%n", plan.name(), plan.clients(),
                plan.think().isPositive() ? " thinking " + plan.think().toMillis() + " ms between requests" : "",
                plan.maxRequests() == Long.MAX_VALUE ? plan.duration().toSeconds() + " s"
                        : plan.maxRequests() + " requests (at most " + plan.duration().toSeconds() + " s)");
        List<Client> opened = new ArrayList<>();
        try (ExecutorService httpWork = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                List<Thread> clients = new ArrayList<>();
                percentiles.started();
                for (int i = 0; i < plan.clients(); i++) {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpWork)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    Client client = new Client(http, URI.create(baseUrl), percentiles, budget, deadline);
                    opened.add(client);
                    Session session = sessions.apply(i);
                    clients.add(Thread.ofVirtual().name("client-" + i).start(() -> loop(client, session, plan.think())));
                }
                for (Thread client : clients) {
                    client.join();
                }
                percentiles.ended();
            } finally {
                opened.forEach(Client::close);
            }
        }
        return percentiles;
    }

    /** A failing step is counted and the client carries on, so the concurrency stays what the plan says. */
    private static void loop(Client client, Session session, Duration think) {
        while (client.running()) {
            try {
                session.step(client);
                if (think.isPositive()) {
                    Thread.sleep(think);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                client.percentiles.error("session", e.toString());
            }
        }
    }

    /** What a session sends requests through: each request is timed and its outcome recorded. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    public static final class Client {

        private final HttpClient http;
        private final URI base;
        private final Percentiles percentiles;
        private final AtomicLong budget;
        private final long deadline;
        /** Bodiless requests go over these, one kept-alive socket per server (see {@link PlainHttp}). */
        private final Map<String, PlainHttp> plain = new HashMap<>();

        /** GET {@code pathAndQuery} (relative to the base URL); any status other than {@code expected} is an error. */
        public HttpResponse<String> get(String kind, String pathAndQuery, int expected) throws InterruptedException {
            return send(kind, HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), expected);
        }

        /** Sends the request; returns the response, or null when it failed (error already counted). */
        public HttpResponse<String> send(String kind, HttpRequest request, int expected) throws InterruptedException {
            if (budget.getAndDecrement() <= 0) {
                return null;
            }
            HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = PlainHttp.handles(timed)
                        ? plain.computeIfAbsent(timed.uri().getAuthority(), a -> new PlainHttp(timed.uri(), REQUEST_TIMEOUT))
                        .send(timed)
                        : http.send(timed, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - started;
                if (response.statusCode() != expected) {
                    percentiles.error(kind, response.statusCode() + " for " + request.uri() + ": " + abbreviate(response.body()));
                    return null;
                }
                percentiles.record(kind, took);
                return response;
            } catch (IOException e) {
                percentiles.error(kind, e + " for " + request.uri());
                return null;
            }
        }

        /** Closes the client's connections: its HttpClient and its plain sockets. */
        void close() {
            http.close();
            plain.values().forEach(PlainHttp::close);
        }

        /** True while the phase runs; sessions that send several requests per step check it between them. */
        public boolean running() {
            return System.nanoTime() < deadline && budget.get() > 0;
        }

        private static String abbreviate(String body) {
            return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
        }
    }
}
