package io.consulta.media.api;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.consulta.media.MediaApi;
import io.consulta.media.Pictures;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static io.consulta.media.MediaApi.stored;
import static io.consulta.media.MediaApi.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/v1/media: what is accepted, how it is cleaned, and what is refused without storing anything. */
@QuarkusTest
class UploadTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aPhonePhotoIsStoredUprightWithoutItsGpsPosition() throws Exception {
        String alice = newId("alice");
        Response created = upload(TestTokens.patient(alice), Pictures.phonePhotoWithGps(), "IMG_2041.jpg",
                "image/jpeg", "symptom-photo", null);

        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/media/"))
                .body("patientId", equalTo(alice))
                .body("uploadedBy", equalTo(alice))
                .body("purpose", equalTo("symptom-photo"))
                .body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(40))
                .body("height", equalTo(60))
                .body("thumbnailUrl", notNullValue());
        String id = created.path("id");

        byte[] stored = as(TestTokens.patient(alice)).get("/api/v1/media/" + id)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored))
                .getDirectoriesOfType(GpsDirectory.class)).isEmpty();
        assertThat(directoryNames(stored)).doesNotContain("Exif IFD0", "JpegComment", "XMP");
        BufferedImage upright = Pictures.decode(stored);
        assertThat(new Color(upright.getRGB(20, 10)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(20, 50)).getBlue()).isGreaterThan(200);
        assertThat(created.<String>path("sha256")).isEqualTo(sha256(stored));
        assertThat(created.<Integer>path("size")).isEqualTo(stored.length);
    }

    @Test
    void pngStaysPngPixelForPixel() {
        String alice = newId("alice");
        BufferedImage original = Pictures.leftRedRightBlue(30, 20);
        String id = upload(TestTokens.patient(alice), Pictures.png(original), "scan.png", "image/png",
                "note-attachment", alice).then().statusCode(201).body("contentType", equalTo("image/png"))
                .extract().path("id");

        BufferedImage back = Pictures.decode(as(TestTokens.patient(alice)).get("/api/v1/media/" + id)
                .then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertThat(back.getWidth()).isEqualTo(30);
        assertThat(back.getRGB(5, 5)).isEqualTo(original.getRGB(5, 5));
        assertThat(back.getRGB(25, 5)).isEqualTo(original.getRGB(25, 5));
    }

    @Test
    void webpIsStoredAsJpeg() {
        String alice = newId("alice");
        String id = upload(TestTokens.patient(alice), Pictures.resource("photo.webp"), "photo.webp", "image/webp",
                "chat-attachment", null).then().statusCode(201).body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(64)).body("height", equalTo(48)).extract().path("id");

        byte[] stored = as(TestTokens.patient(alice)).get("/api/v1/media/" + id)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(Pictures.decode(stored).getWidth()).isEqualTo(64);
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id + "/thumbnail")
                .then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void aPdfIsStoredAsItIsAndOnlyServedAsADownload() {
        String alice = newId("alice");
        byte[] pdf = Pictures.pdf();
        String id = upload(TestTokens.patient(alice), pdf, "lab-results.pdf", "application/pdf", "note-attachment",
                null).then().statusCode(201).body("contentType", equalTo("application/pdf"))
                .body("width", nullValue()).body("thumbnailUrl", nullValue()).extract().path("id");

        byte[] back = as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"media-" + id + ".pdf\""))
                .header("Content-Security-Policy", equalTo("sandbox"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertThat(back).isEqualTo(pdf);
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id + "/thumbnail").then().statusCode(404)
                .contentType(PROBLEM);
    }

    static Stream<Arguments> filesPosingAsAPhoto() {
        return Stream.of(
                Arguments.of(Named.of("a renamed Windows executable", Pictures.windowsExecutable()),
                        "JPEG, PNG or WebP images and PDF documents"),
                Arguments.of(Named.of("a JPEG that is also a web page", Pictures.jpegHtmlPolyglot()),
                        "web page markup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesPosingAsAPhoto")
    void aFilePosingAsAPhotoIsRefusedAndNothingIsStored(byte[] file, String why) {
        MediaApi.Stored before = stored();
        upload(TestTokens.patient(newId("alice")), file, "rash.jpg", "image/jpeg", "symptom-photo", null)
                .then().statusCode(415).contentType(PROBLEM)
                .body("detail", containsString(why));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecodingAndNothingIsStored() {
        MediaApi.Stored before = stored();
        long started = System.nanoTime();
        upload(TestTokens.patient(newId("alice")), Pictures.pngBomb(30_000), "scan.png", "image/png",
                "symptom-photo", null)
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("30000 × 30000"))
                .body("errors.field", hasItem("file"));
        assertThat(System.nanoTime() - started).as("refused from the header, not by decoding 900 Mpx")
                .isLessThan(10_000_000_000L);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsStored() {
        MediaApi.Stored before = stored();
        byte[] big = Arrays.copyOf(Pictures.jpeg(Pictures.leftRedRightBlue(16, 16)), 15 * 1024 * 1024 + 1);
        upload(TestTokens.patient(newId("alice")), big, "big.jpg", "image/jpeg", "symptom-photo", null)
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("15728640 bytes"));
        byte[] huge = new byte[17 * 1024 * 1024];
        upload(TestTokens.patient(newId("alice")), huge, "huge.jpg", "image/jpeg", "symptom-photo", null)
                .then().statusCode(413);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTruncatedMultipartBodyIsRefusedAndNothingIsStored() {
        MediaApi.Stored before = stored();
        byte[] photo = Pictures.jpeg(Pictures.leftRedRightBlue(200, 100));
        String head = "--XYZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nsymptom-photo\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rash.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(photo, photo.length / 2));
        as(TestTokens.patient(newId("alice"))).contentType("multipart/form-data; boundary=XYZ")
                .body(body).when().post("/api/v1/media")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("ended before its closing boundary"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMissingFilePartIsAFieldError() {
        MediaApi.Stored before = stored();
        as(TestTokens.patient(newId("alice"))).multiPart("purpose", "symptom-photo").when().post("/api/v1/media")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("file"));
        upload(TestTokens.patient(newId("alice")), Pictures.pdf(), "a.pdf", "application/pdf", null, null)
                .then().statusCode(400).body("errors.field", hasItem("purpose"));
        upload(TestTokens.patient(newId("alice")), Pictures.pdf(), "a.pdf", "application/pdf", "selfie", null)
                .then().statusCode(400).body("errors[0].message", containsString("symptom-photo"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void patientsUploadForThemselvesAndDoctorsForPatientsInTheirCare() {
        String alice = newId("alice");
        String bob = newId("bob");
        String house = newId("dr-house");
        upload(TestTokens.patient(alice), Pictures.pdf(), "a.pdf", "application/pdf", "symptom-photo", bob)
                .then().statusCode(403).contentType(PROBLEM);
        upload(TestTokens.doctor(house), Pictures.pdf(), "a.pdf", "application/pdf", "note-attachment", alice)
                .then().statusCode(403).contentType(PROBLEM);
        upload(TestTokens.admin(newId("admin")), Pictures.pdf(), "a.pdf", "application/pdf", "note-attachment", alice)
                .then().statusCode(403);

        MediaApi.book(alice, house);
        MediaApi.awaitCare(house, alice, true);
        upload(TestTokens.doctor(house), Pictures.pdf(), "a.pdf", "application/pdf", "note-attachment", alice)
                .then().statusCode(201).body("patientId", equalTo(alice)).body("uploadedBy", equalTo(house));
    }

    @Test
    void uploadsPerUserAreRateLimited() {
        String alice = newId("alice");
        String token = TestTokens.patient(alice);
        byte[] tiny = Pictures.png(Pictures.leftRedRightBlue(4, 4));
        for (int i = 0; i < 8; i++) {
            upload(token, tiny, "a.png", "image/png", "symptom-photo", null).then().statusCode(201);
        }
        upload(token, tiny, "a.png", "image/png", "symptom-photo", null)
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", notNullValue());
        upload(TestTokens.patient(newId("bob")), tiny, "a.png", "image/png", "symptom-photo", null)
                .then().statusCode(201);
    }

    private static List<String> directoryNames(byte[] image) throws Exception {
        return StreamSupport.stream(ImageMetadataReader.readMetadata(new ByteArrayInputStream(image))
                .getDirectories().spliterator(), false).map(Directory::getName).toList();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
