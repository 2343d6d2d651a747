package io.consulta.bench.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Where chat-service found the history pages of a phase: its own cache of recently read conversations or the store
 * (its {@code consulta.chat.history.pages} counters, read from the management interface before and after).
 */
final class HistorySources {

    private static final String COUNTER = "consulta_chat_history_pages_total{";

    private final URI metrics;
    private double[] before = {0, 0};

    HistorySources(String managementUrl) {
        this.metrics = URI.create(managementUrl + "/q/metrics");
    }

    void start() {
        before = read();
    }

    void print(PrintStream out) {
        double[] after = read();
        double cached = after[0] - before[0];
        double stored = after[1] - before[1];
        double all = cached + stored;
        out.printf(Locale.ROOT, "History pages in the phase: %.0f from chat-service's cache, %.0f from the store (%.1f%% cached)%n",
                cached, stored, all > 0 ? 100 * cached / all : 0);
    }

    /** {cache, store}; zeros when the metrics cannot be read (the figures above still stand). */
    private double[] read() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new double[]{count(text, "cache"), count(text, "store")};
        } catch (IOException e) {
            return new double[]{0, 0};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new double[]{0, 0};
        }
    }

    private static double count(String metrics, String source) {
        return metrics.lines().filter(line -> line.startsWith(COUNTER) && line.contains("source=\"" + source + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
