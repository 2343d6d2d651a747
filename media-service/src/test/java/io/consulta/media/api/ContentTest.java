package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.media.Pictures;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/v1/media/{id}: headers that keep browsers safe, ETags and byte ranges. */
@QuarkusTest
class ContentTest {

    @Test
    void anImageIsServedInlineWithSafeHeaders() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Disposition", equalTo("inline; filename=\"media-" + id + ".jpg\""))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("sandbox"))
                .header("Cache-Control", equalTo("private"))
                .header("Accept-Ranges", equalTo("bytes"))
                .header("ETag", startsWith("\""));
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id + "/thumbnail").then().statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Disposition", equalTo("inline; filename=\"thumbnail-" + id + ".jpg\""))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void theETagAnswersConditionalRequests() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        String etag = as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200)
                .extract().header("ETag");
        as(TestTokens.patient(alice)).header("If-None-Match", etag).get("/api/v1/media/" + id)
                .then().statusCode(304).header("ETag", equalTo(etag));
        as(TestTokens.patient(alice)).header("If-None-Match", "\"something-else\"").get("/api/v1/media/" + id)
                .then().statusCode(200);
    }

    @Test
    void rangesAreServedAs206AndUnsatisfiableOnesAs416() {
        String alice = newId("alice");
        byte[] pdf = Pictures.pdf();
        String id = MediaApi.upload(TestTokens.patient(alice), pdf, "a.pdf", "application/pdf", "note-attachment",
                null).then().statusCode(201).extract().path("id");
        String path = "/api/v1/media/" + id;

        byte[] first = as(TestTokens.patient(alice)).header("Range", "bytes=0-7").get(path).then().statusCode(206)
                .header("Content-Range", equalTo("bytes 0-7/" + pdf.length))
                .header("Content-Length", equalTo("8"))
                .extract().asByteArray();
        assertThat(first).isEqualTo(Arrays.copyOfRange(pdf, 0, 8));

        byte[] tail = as(TestTokens.patient(alice)).header("Range", "bytes=-6").get(path).then().statusCode(206)
                .header("Content-Range", equalTo("bytes " + (pdf.length - 6) + "-" + (pdf.length - 1) + "/" + pdf.length))
                .extract().asByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 6, pdf.length));

        byte[] rest = as(TestTokens.patient(alice)).header("Range", "bytes=100-").get(path).then().statusCode(206)
                .extract().asByteArray();
        assertThat(rest).isEqualTo(Arrays.copyOfRange(pdf, 100, pdf.length));

        as(TestTokens.patient(alice)).header("Range", "bytes=" + pdf.length + "-").get(path).then().statusCode(416)
                .contentType("application/problem+json")
                .header("Content-Range", equalTo("bytes */" + pdf.length));

        // several ranges, or a range for an older version of the file: the whole file
        as(TestTokens.patient(alice)).header("Range", "bytes=0-1,4-5").get(path).then().statusCode(200);
        as(TestTokens.patient(alice)).header("Range", "bytes=0-1").header("If-Range", "\"old\"").get(path)
                .then().statusCode(200).header("Content-Length", equalTo(String.valueOf(pdf.length)));
    }

    @Test
    void aRangeOfALargeImageSpansGridFsChunks() {
        String alice = newId("alice");
        // noise does not compress: a stored PNG of several 255 KiB chunks
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(600, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 600; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        String id = MediaApi.upload(TestTokens.patient(alice), Pictures.png(noise), "noise.png", "image/png",
                "symptom-photo", null).then().statusCode(201).extract().path("id");
        byte[] whole = as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200)
                .extract().asByteArray();
        assertThat(whole.length).isGreaterThan(2 * 255 * 1024);

        int from = 255 * 1024 - 10;
        byte[] part = as(TestTokens.patient(alice)).header("Range", "bytes=" + from + "-" + (from + 299))
                .get("/api/v1/media/" + id).then().statusCode(206).extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(whole, from, from + 300));
    }
}
