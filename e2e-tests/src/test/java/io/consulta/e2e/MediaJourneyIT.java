package io.consulta.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.e2e.support.ChatSocket;
import io.consulta.e2e.support.Clinic;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consulta.e2e.support.Services.chat;
import static io.consulta.e2e.support.Services.media;
import static io.consulta.e2e.support.Services.notes;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A patient photographs a rash, uploads it and attaches it to a chat message and to a journal note; their doctor
 * opens it through a signed link as a browser's {@code <img src>} would (no token) and reads it in the note; another
 * patient cannot see it; and a media id of someone else's photo is refused in a chat send and in a note.
 */
@ExtendWith(StackExtension.class)
class MediaJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void aSymptomPhotoGoesFromPatientToDoctorAndNoFurther() throws IOException {
        Clinic clinic = Clinic.open("media");
        Clinic stranger = clinic.withAnotherPatient("media-other");
        String patientId = clinic.patientId();
        String doctor = clinic.doctorToken();
        String patient = clinic.patientToken();
        String otherPatient = stranger.patientToken();
        String conversationId = clinic.bookAndOpenConversation();

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

            // ... and to a note in the patient's journal (notes-service, too, learns of uploads from media.uploaded)
            String[] note = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> note[0] =
                    as(patient).contentType(ContentType.JSON).body(Map.of("title", "The rash on day 3",
                                    "body", "Spreading to the elbow.", "mediaIds", List.of(photoId),
                                    "visibility", "shared"))
                            .post(notes("/api/v1/patients/" + patientId + "/notes"))
                            .then().statusCode(201).extract().path("id"));
            // the doctor reads the note and opens the photo it names
            String attached = as(doctor).get(notes("/api/v1/notes/" + note[0])).then().statusCode(200)
                    .body("title", equalTo("The rash on day 3")).extract().path("mediaIds[0]");
            assertThat(attached).isEqualTo(photoId);
            assertThat(as(doctor).get(media("/api/v1/media/" + attached)).then().statusCode(200)
                    .contentType("image/jpeg").extract().asByteArray()).isEqualTo(stored);
            as(doctor).get(media("/api/v1/media/" + attached + "/thumbnail")).then().statusCode(200)
                    .header("Content-Type", startsWith("image/"));

            // another patient is told it does not exist, and cannot list it either
            as(otherPatient).get(media("/api/v1/media/" + photoId)).then().statusCode(404);
            as(otherPatient).get(media("/api/v1/media/" + photoId + "/thumbnail")).then().statusCode(404);
            as(otherPatient).post(media("/api/v1/media/" + photoId + "/link")).then().statusCode(404);
            as(otherPatient).get(notes("/api/v1/notes/" + note[0])).then().statusCode(404);

            // a photo of someone else cannot ride along in this conversation. Once the other patient has attached it
            // in their own conversation, chat surely knows it: the refusal is about whose it is, not about timing.
            String strangersPhotoId = as(otherPatient).multiPart("file", "mine.jpg", photo(), "image/jpeg")
                    .multiPart("purpose", "chat-attachment").post(media("/api/v1/media"))
                    .then().statusCode(201).extract().path("id");
            String theirs = stranger.bookAndOpenConversation();
            try (ChatSocket strangersPhone = ChatSocket.connect(otherPatient)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> "ack".equals(send(strangersPhone,
                        theirs, "own-" + UUID.randomUUID(), "my photo", strangersPhotoId).path("type").asText()));
            }
            JsonNode refused = send(phone, conversationId, "stolen-1", "look at this", strangersPhotoId);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("invalid");
            assertThat(refused.path("message").asText()).startsWith("mediaIds:");

            // ... nor in a note: the same once notes-service surely knows it (the stranger's own note took it)
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    as(otherPatient).contentType(ContentType.JSON).body(Map.of("title", "Mine", "body", "My photo",
                                    "mediaIds", List.of(strangersPhotoId), "visibility", "private"))
                            .post(notes("/api/v1/patients/" + stranger.patientId() + "/notes"))
                            .then().statusCode(201));
            as(patient).contentType(ContentType.JSON).body(Map.of("title", "Borrowed", "body", "Not my photo",
                            "mediaIds", List.of(strangersPhotoId), "visibility", "shared"))
                    .post(notes("/api/v1/patients/" + patientId + "/notes"))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("mediaIds[0]"));
            as(patient).get(notes("/api/v1/patients/" + patientId + "/notes")).then().statusCode(200)
                    .body("items.title", not(hasItem("Borrowed")));
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
}
