package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.media.Pictures;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import java.util.Arrays;
import java.util.Map;

import static io.consulta.media.MediaApi.newId;
import static io.consulta.media.MediaApi.stored;
import static io.consulta.media.MediaApi.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * When request bodies being received would fill the uploads folder (a pod's size-limited /tmp), an upload is refused
 * with 503 and Retry-After before its body is read, and nothing is stored. Here the room is 1 MB, so one 2 MB upload
 * is "too many at once"; uploads that fit are still taken, because a refused or finished body gives its room back.
 * A body that does not declare its size reserves the whole body limit (16M).
 */
@QuarkusTest
@TestProfile(UploadSpaceFullTest.OneMegabyteOfRoom.class)
class UploadSpaceFullTest {

    public static final class OneMegabyteOfRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consulta.media.uploads.disk-budget", "1M");
        }
    }

    @Test
    void anUploadThatDoesNotFitIsAnswered503WithRetryAfterAndNothingIsStored() {
        MediaApi.Stored before = stored();
        byte[] twoMegabytes = Arrays.copyOf(Pictures.jpeg(Pictures.leftRedRightBlue(16, 16)), 2 * 1024 * 1024);

        declaredUpload(newId("alice"), twoMegabytes)
                .then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .contentType("application/problem+json")
                .body("detail", containsString("retry in a few seconds"));
        assertThat(stored()).isEqualTo(before);

        for (int i = 0; i < 3; i++) {
            declaredUpload(newId("alice"), Pictures.jpeg(Pictures.leftRedRightBlue(64, 48))).then().statusCode(201);
        }
    }

    @Test
    void aBodyThatDeclaresNoSizeCountsAsLargeAsTheBodyLimit() {
        // REST Assured sends multipart bodies chunked, without Content-Length: 16M of room, more than there is here
        upload(TestTokens.patient(newId("alice")), Pictures.jpeg(Pictures.leftRedRightBlue(64, 48)), "rash.jpg",
                "image/jpeg", "symptom-photo", null)
                .then().statusCode(503).header("Retry-After", equalTo("5"));
    }

    /** A multipart upload with its Content-Length, as browsers send a form. */
    private static Response declaredUpload(String patientId, byte[] photo) {
        byte[] head = ("--XYZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nsymptom-photo\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rash.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + photo.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(photo, 0, body, head.length, photo.length);
        System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
        return MediaApi.as(TestTokens.patient(patientId)).contentType("multipart/form-data; boundary=XYZ")
                .body(body).when().post("/api/v1/media");
    }
}
