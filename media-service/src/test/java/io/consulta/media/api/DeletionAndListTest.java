package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.media.Pictures;
import io.consulta.media.events.MediaSweeper;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static io.consulta.media.MediaApi.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** DELETE /api/v1/media/{id} and GET /api/v1/media: soft deletion, the sweeper, paging and filters. */
@QuarkusTest
class DeletionAndListTest {

    @Inject
    MediaSweeper sweeper;

    @Test
    void theUploaderDeletesAndTheBytesGoSevenDaysLater() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        MediaApi.Stored withPhoto = stored();

        as(TestTokens.patient(alice)).delete("/api/v1/media/" + id).then().statusCode(204);
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(404);
        as(TestTokens.patient(alice)).get("/api/v1/media/" + id + "/thumbnail").then().statusCode(404);
        as(TestTokens.patient(alice)).delete("/api/v1/media/" + id).then().statusCode(404);
        assertThat(as(TestTokens.patient(alice)).get("/api/v1/media").then().statusCode(200)
                .extract().<List<String>>path("items.id")).doesNotContain(id);

        sweeper.sweepAt(Instant.now().plus(Duration.ofDays(6)));
        assertThat(stored()).as("bytes kept for seven days").isEqualTo(withPhoto);
        int purged = sweeper.sweepAt(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        MediaApi.Stored after = stored();
        assertThat(after.files()).as("original and thumbnail removed").isEqualTo(withPhoto.files() - 2);
        assertThat(after.chunks()).isLessThan(withPhoto.chunks());
    }

    @Test
    void theListPagesNewestFirstAndFiltersByPurpose() {
        String alice = newId("alice");
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uploaded.add(MediaApi.upload(TestTokens.patient(alice), Pictures.png(Pictures.leftRedRightBlue(4, 4)),
                    "a.png", "image/png", i % 2 == 0 ? "symptom-photo" : "chat-attachment", null)
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(TestTokens.patient(alice)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/media")
                    .then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(uploaded.reversed());

        assertThat(as(TestTokens.patient(alice)).queryParam("purpose", "chat-attachment").get("/api/v1/media")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().<List<String>>path("items.id"))
                .containsExactly(uploaded.get(3), uploaded.get(1));
    }

    @Test
    void badListParametersAreFieldErrors() {
        String alice = newId("alice");
        as(TestTokens.patient(alice)).queryParam("limit", 0).get("/api/v1/media").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(TestTokens.patient(alice)).queryParam("cursor", "garbage!").get("/api/v1/media").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(TestTokens.patient(alice)).queryParam("purpose", "selfie").get("/api/v1/media").then().statusCode(400)
                .body("errors[0].field", equalTo("purpose"));
        as(TestTokens.doctor(newId("dr"))).get("/api/v1/media").then().statusCode(400)
                .body("errors[0].field", equalTo("patientId"));
        as(TestTokens.patient(alice)).get("/api/v1/media/" + "x".repeat(500)).then().statusCode(404)
                .body("detail", containsString("…"));
    }
}
