package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP with a bearer token, the way any client of the services calls them. It returns every answer,
 * whatever its status: the caller knows which statuses its step expects ({@link Reply#expect}).
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An HTTP answer: status, ETag (if any) and the body as JSON (a text node when it was not JSON). */
    public record Reply(int status, String etag, JsonNode body) {

        /** This reply, if its status is one of {@code expected}; otherwise the step fails with what the server said. */
        public Reply expect(String step, int... expected) {
            for (int status : expected) {
                if (this.status == status) {
                    return this;
                }
            }
            throw new DemoStepFailed(step, Problems.describe(status, body));
        }
    }

    /** An access token by direct grant on a public client, as scripts log in. */
    public String login(String tokenUrl, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request).expect("log in as " + username, 200).body().path("access_token").asText();
    }

    public Reply get(String url, String token) {
        return send(authorized(url, token).GET().build());
    }

    public Reply put(String url, String token, String ifMatch, JsonNode body) {
        HttpRequest.Builder request = authorized(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    public Reply post(String url, String token, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = authorized(url, token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    parse(response.body()));
        } catch (IOException e) {
            throw new DemoStepFailed(request.method() + " " + request.uri(), "cannot reach it (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStepFailed(request.method() + " " + request.uri(), "interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return TextNode.valueOf(body);
        }
    }
}
