package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** Every read of a photo or its thumbnail, by token or by signed link, leaves who, what, whose and how. */
@QuarkusTest
class AuditTest {

    @Test
    void readsOfContentAndThumbnailAreAudited() {
        String alice = newId("alice");
        String house = newId("dr-house");
        MediaApi.book(alice, house);
        MediaApi.awaitCare(house, alice, true);
        String id = MediaApi.uploadPhoto(alice);

        as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200);
        as(TestTokens.doctor(house)).header("Range", "bytes=0-9").get("/api/v1/media/" + id).then().statusCode(206);
        as(TestTokens.doctor(house)).get("/api/v1/media/" + id + "/thumbnail").then().statusCode(200);
        URI link = URI.create(as(TestTokens.doctor(house)).post("/api/v1/media/" + id + "/link").then().statusCode(200)
                .extract().<String>path("url"));
        RestAssured.given().get(link.getRawPath() + "?" + link.getRawQuery()).then().statusCode(200);
        as(TestTokens.patient(newId("bob"))).get("/api/v1/media/" + id).then().statusCode(404);

        List<Document> entries = MediaApi.database().getCollection("audit_log")
                .find(new Document("subject", id)).sort(new Document("at", 1)).into(new ArrayList<>());
        assertThat(entries).extracting(e -> e.getString("who") + " " + e.getString("action") + " via "
                        + e.get("details", Document.class).getString("via"))
                .containsExactly(alice + " read media via token", house + " read media via token",
                        house + " read media thumbnail via token", house + " read media via signed link");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("details", Document.class).getString("patientId")).isEqualTo(alice);
            assertThat(e.getDate("at")).isNotNull();
        });
        assertThat(entries.get(1).get("details", Document.class).getString("range")).isEqualTo("bytes=0-9");
    }
}
