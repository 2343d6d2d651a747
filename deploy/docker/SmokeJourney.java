import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.localstack.DemoUsers;
import io.consulta.localstack.demo.ApiClient;
import io.consulta.localstack.demo.DemoClinic;
import io.consulta.localstack.demo.DemoOutcome;
import io.consulta.localstack.demo.Endpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The smoke journey of {@code deploy/images up}, against the containers: tokens from Keycloak, {@code /me}, a
 * booking (the demo clinic of {@code ./consulta start --demo-data}: profiles, approval, hours, Alice's visit with
 * Dr House), then a chat message from Alice over the WebSocket that Dr House reads back through REST. The booking
 * reaches chat-service only as an event through Kafka, so the journey crosses every piece of infrastructure.
 * Run with local-stack's classpath: {@code java -cp ... SmokeJourney.java <keycloak> <auth> <appointment> <chat>}.
 */
public class SmokeJourney {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String keycloak = args[0], auth = args[1], appointment = args[2], chat = args[3];
        String tokenUrl = keycloak + "/realms/consulta/protocol/openid-connect/token";
        ApiClient api = new ApiClient();

        DemoOutcome clinic = new DemoClinic(new Endpoints(tokenUrl, auth, appointment), api, Clock.systemUTC()).load();
        check(clinic.succeeded(), "demo clinic and booking: " + (clinic.failure() == null ? "" : clinic.failure().getMessage()));
        check(clinic.visit() != null && clinic.visit().hasNonNull("id"), "a booked visit for Alice");
        step("booking " + clinic.visit().path("id").asText() + " at " + clinic.visit().path("start").asText());

        String alice = login(api, tokenUrl, DemoUsers.PATIENT_ALICE);
        String house = login(api, tokenUrl, DemoUsers.DOCTOR_HOUSE);
        JsonNode me = api.get(auth + "/api/v1/me", alice).expect("GET /me as Alice", 200).body();
        check("patient".equals(me.path("role").asText()), "Alice is a patient: " + me);
        step("/me as Alice");

        String conversation = openConversation(api, chat, alice, clinic.houseId());
        step("conversation " + conversation + " (the booking reached chat-service through Kafka)");

        String text = "smoke " + UUID.randomUUID();
        JsonNode ack = sendOverWebSocket(chat, alice, conversation, text);
        check("ack".equals(ack.path("type").asText()), "ack for the message, got " + ack);
        step("message sent over /ws/chat, seq " + ack.path("seq").asText(ack.path("data").path("seq").asText()));

        JsonNode messages = api.get(chat + "/api/v1/conversations/" + conversation + "/messages", house)
                .expect("Dr House reads the conversation", 200).body();
        check(messages.toString().contains(text), "Dr House sees the message: " + messages);
        step("Dr House reads it");
        System.out.println("smoke journey passed");
    }

    private static String login(ApiClient api, String tokenUrl, DemoUsers.DemoUser user) {
        return api.login(tokenUrl, Endpoints.WEB_CLIENT, user.username(), user.password());
    }

    /** 403 until the appointment.booked event has built the care relationship in chat-service: poll for it. */
    private static String openConversation(ApiClient api, String chat, String token, String doctorId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        ApiClient.Reply reply;
        do {
            reply = api.post(chat + "/api/v1/conversations", token, Map.of(),
                    JSON.createObjectNode().put("doctorId", doctorId));
            if (reply.status() == 200 || reply.status() == 201) {
                return reply.body().path("id").asText();
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("opening a conversation with Dr House: " + reply.status() + " " + reply.body());
    }

    private static JsonNode sendOverWebSocket(String chat, String token, String conversation, String text) throws Exception {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(chat.replaceFirst("^http", "ws") + "/ws/chat"), new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            try {
                                JsonNode node = JSON.readTree(frame.toString());
                                String type = node.path("type").asText();
                                if (type.equals("ack") || type.equals("error")) {   // not hello, presence, message
                                    ack.complete(node);
                                }
                            } catch (Exception e) {
                                ack.completeExceptionally(e);
                            }
                            frame.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(15, TimeUnit.SECONDS);
        socket.sendText(JSON.createObjectNode().put("type", "send").put("conversationId", conversation)
                .put("clientMessageId", "smoke-" + UUID.randomUUID()).put("text", text).toString(), true);
        try {
            return ack.get(20, TimeUnit.SECONDS);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("smoke journey failed: " + what);
        }
    }

    private static void step(String what) {
        System.out.println("  ok  " + what);
    }
}
