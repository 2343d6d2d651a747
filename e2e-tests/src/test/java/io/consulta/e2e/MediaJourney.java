package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.Services;
import io.consulta.e2e.support.StackExtension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A patient photographs a rash, uploads it and attaches it to a chat message; their doctor opens it through a signed
 * link as a browser's {@code <img src>} would (no token); another patient cannot see it; and a media id of someone
 * else's photo is refused in a chat send. (The journal-note step joins once notes-service takes attachments.)
 */
@ExtendWith(StackExtension.class)
class MediaJourney {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Journey-Pass-2026";

    private static String media(String path) {
        return Services.url("media-service") + path;
    }

    private static String chat(String path) {
        return Services.url("chat-service") + path;
    }

    private static String appointments(String path) {
        return Services.url("appointment-service") + path;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void aSymptomPhotoGoesFromPatientToDoctorAndNoFurther() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doctorId = Realm.createUser("media-dr-" + suffix + "@journey.test", PASSWORD, "Dana Derm", "doctor");
        String patientId = Realm.createUser("media-pat-" + suffix + "@journey.test", PASSWORD, "Pia Rash", "patient");
        Realm.createUser("media-other-" + suffix + "@journey.test", PASSWORD, "Olga Other", "patient");
        String doctor = Realm.token("media-dr-" + suffix + "@journey.test", PASSWORD);
        String patient = Realm.token("media-pat-" + suffix + "@journey.test", PASSWORD);
        String otherPatient = Realm.token("media-other-" + suffix + "@journey.test", PASSWORD);
        book(doctor, doctorId, patient);

        // the patient uploads a photo of the rash; what is stored is a re-encoded JPEG
        byte[] photo = photo();
        String photoId = as(patient).multiPart("file", "IMG_0042.jpg", photo, "image/jpeg")
                .multiPart("purpose", "symptom-photo")
                .post(media("/api/v1/media"))
                .then().statusCode(201).body("patientId", equalTo(patientId)).body("contentType", equalTo("image/jpeg"))
                .extract().path("id");
        byte[] stored = as(patient).get(media("/api/v1/media/" + photoId)).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(120);

        // ... and attaches it to a message to the doctor
        String[] conversation = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> conversation[0] =
                as(patient).contentType(ContentType.JSON).body(Map.of("doctorId", doctorId))
                        .post(chat("/api/v1/conversations")).then().statusCode(201).extract().path("id"));
        String conversationId = conversation[0];
        try (ChatSocket phone = ChatSocket.connect(patient)) {
            JsonNode[] ack = new JsonNode[1];
            // chat learns of the upload from media.uploaded: until then it refuses the id
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                ack[0] = send(phone, conversationId, "m-" + UUID.randomUUID(), "Here is the rash", photoId);
                return "ack".equals(ack[0].path("type").asText());
            });
            as(doctor).get(chat("/api/v1/conversations/" + conversationId + "/messages")).then().statusCode(200)
                    .body("items[0].mediaIds[0]", equalTo(photoId));

            // the doctor's browser shows it through a signed link, which carries no token
            String[] link = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> link[0] =
                    as(doctor).post(media("/api/v1/media/" + photoId + "/link")).then().statusCode(200)
                            .extract().path("url"));
            URI signed = URI.create(link[0]);
            byte[] viaLink = given().get(Services.url("media-service") + signed.getRawPath() + "?" + signed.getRawQuery())
                    .then().statusCode(200).contentType("image/jpeg")
                    .header("Cache-Control", equalTo("private"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .extract().asByteArray();
            assertThat(viaLink).isEqualTo(stored);

            // another patient is told it does not exist, and cannot list it either
            as(otherPatient).get(media("/api/v1/media/" + photoId)).then().statusCode(404);
            as(otherPatient).get(media("/api/v1/media/" + photoId + "/thumbnail")).then().statusCode(404);
            as(otherPatient).post(media("/api/v1/media/" + photoId + "/link")).then().statusCode(404);

            // a photo of someone else cannot ride along in this conversation. Once the other patient has attached it
            // in their own conversation, chat surely knows it: the refusal is about whose it is, not about timing.
            String strangersPhotoId = as(otherPatient).multiPart("file", "mine.jpg", photo(), "image/jpeg")
                    .multiPart("purpose", "chat-attachment").post(media("/api/v1/media"))
                    .then().statusCode(201).extract().path("id");
            bookSlot(doctorId, otherPatient);
            String[] theirs = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> theirs[0] =
                    as(otherPatient).contentType(ContentType.JSON).body(Map.of("doctorId", doctorId))
                            .post(chat("/api/v1/conversations")).then().statusCode(201).extract().path("id"));
            try (ChatSocket strangersPhone = ChatSocket.connect(otherPatient)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> "ack".equals(send(strangersPhone,
                        theirs[0], "own-" + UUID.randomUUID(), "my photo", strangersPhotoId).path("type").asText()));
            }
            JsonNode refused = send(phone, conversationId, "stolen-1", "look at this", strangersPhotoId);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("invalid");
            assertThat(refused.path("message").asText()).startsWith("mediaIds:");
        }
        List<String> sent = as(doctor).get(chat("/api/v1/conversations/" + conversationId + "/messages"))
                .then().statusCode(200).extract().path("items.clientMessageId");
        assertThat(sent).doesNotContain("stolen-1");
    }

    private static JsonNode send(ChatSocket socket, String conversationId, String clientMessageId, String text,
                                 String mediaId) {
        socket.send(Map.of("type", "send", "conversationId", conversationId, "clientMessageId", clientMessageId,
                "text", text, "mediaIds", List.of(mediaId)));
        return socket.await(frame -> ("ack".equals(frame.path("type").asText())
                && clientMessageId.equals(frame.path("clientMessageId").asText()))
                || ("error".equals(frame.path("type").asText()) && clientMessageId.equals(frame.path("ref").asText())));
    }

    /** A 120 × 80 JPEG, as a phone camera would send (minus the camera). */
    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 180, 160));
        g.fillRect(0, 0, 120, 80);
        g.setColor(new Color(200, 40, 40));
        g.fillOval(40, 20, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The doctor publishes hours, the patient books the first free slot in three days. */
    private static void book(String doctor, String doctorId, String patient) {
        String everyDay = String.join(",", Arrays.stream(DayOfWeek.values())
                .map(day -> "\"" + day + "\":[{\"start\":\"06:00\",\"end\":\"22:00\"}]").toList());
        as(doctor).contentType(ContentType.JSON).body("""
                        {"timeZone":"UTC","weeklyHours":{%s},"slotMinutes":30,"minimumNoticeMinutes":0,
                         "horizonDays":30,"cancellationCutoffHours":24,
                         "visitTypes":[{"type":"IN_PERSON","minutes":30},{"type":"VIDEO","minutes":30}]}""".formatted(everyDay))
                .put(appointments("/api/v1/doctors/" + doctorId + "/availability"))
                .then().statusCode(200);
        bookSlot(doctorId, patient);
    }

    private static void bookSlot(String doctorId, String patient) {
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        List<String> slots = as(patient).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(1)).toString()).queryParam("visitType", "VIDEO")
                .get(appointments("/api/v1/doctors/" + doctorId + "/slots"))
                .then().statusCode(200).extract().jsonPath().getList("slots.start", String.class);
        assertThat(slots).isNotEmpty();
        as(patient).contentType(ContentType.JSON).body(Map.of("doctorId", doctorId, "start", slots.getFirst(),
                        "visitType", "VIDEO", "reason", "A rash that spreads"))
                .post(appointments("/api/v1/appointments"))
                .then().statusCode(201);
    }
}
