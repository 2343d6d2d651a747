package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.media.domain.LinkSignature;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** POST /api/v1/media/{id}/link: a URL for {@code <img src>} that works without a token for five minutes. */
@QuarkusTest
class SignedLinkTest {

    @Test
    void aSignedLinkServesTheBytesWithoutAToken() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        byte[] withToken = as(TestTokens.patient(alice)).get("/api/v1/media/" + id).then().statusCode(200)
                .extract().asByteArray();

        String url = as(TestTokens.patient(alice)).post("/api/v1/media/" + id + "/link").then().statusCode(200)
                .body("expiresAt", notNullValue()).extract().path("url");
        Instant expires = Instant.parse(as(TestTokens.patient(alice)).post("/api/v1/media/" + id + "/link")
                .then().extract().path("expiresAt"));
        assertThat(expires).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));

        byte[] viaLink = RestAssured.given().get(pathOf(url)).then().statusCode(200).contentType("image/jpeg")
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", equalTo("sandbox"))
                .extract().asByteArray();
        assertThat(viaLink).isEqualTo(withToken);

        String thumbnail = as(TestTokens.patient(alice)).queryParam("rendition", "thumbnail")
                .post("/api/v1/media/" + id + "/link").then().statusCode(200).extract().path("url");
        RestAssured.given().get(pathOf(thumbnail)).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void anExpiredLinkIsRefused() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        Instant past = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String signature = signer().sign(id, "original", alice, past);
        RestAssured.given().queryParam("rendition", "original").queryParam("caller", alice)
                .queryParam("expires", past.getEpochSecond()).queryParam("signature", signature)
                .get("/api/v1/media-links/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("expired"));
    }

    @Test
    void aTamperedLinkIsRefused() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);
        String url = pathOf(as(TestTokens.patient(alice)).post("/api/v1/media/" + id + "/link").then().statusCode(200)
                .extract().path("url"));

        String laterExpiry = url.replaceAll("expires=(\\d+)", "expires=9999999999");
        RestAssured.given().get(laterExpiry).then().statusCode(403).body("detail", containsString("not valid"));
        String otherCaller = url.replace("caller=" + alice, "caller=" + newId("mallory"));
        RestAssured.given().get(otherCaller).then().statusCode(403);
        String badSignature = url.replaceAll("signature=[^&]+", "signature=AAAA");
        RestAssured.given().get(badSignature).then().statusCode(403);
        String asThumbnail = url.replace("rendition=original", "rendition=thumbnail");
        RestAssured.given().get(asThumbnail).then().statusCode(403);
        RestAssured.given().get(url.replaceAll("expires=(\\d+)", "expires=soon")).then().statusCode(403);
    }

    @Test
    void aLinkForOneMediaDoesNotOpenAnother() {
        String alice = newId("alice");
        String mine = MediaApi.uploadPhoto(alice);
        String other = MediaApi.uploadPhoto(alice);
        String url = pathOf(as(TestTokens.patient(alice)).post("/api/v1/media/" + mine + "/link").then()
                .statusCode(200).extract().path("url"));
        RestAssured.given().get(url.replace(mine, other)).then().statusCode(403);
    }

    @Test
    void aLinkStopsWorkingWhenItsHolderLosesAccess() {
        String alice = newId("alice");
        String house = newId("dr-house");
        String appointment = MediaApi.book(alice, house);
        MediaApi.awaitCare(house, alice, true);
        String id = MediaApi.uploadPhoto(alice);
        String url = pathOf(as(TestTokens.doctor(house)).post("/api/v1/media/" + id + "/link").then()
                .statusCode(200).extract().path("url"));
        RestAssured.given().get(url).then().statusCode(200);

        MediaApi.cancel(appointment, alice, house);
        MediaApi.awaitCare(house, alice, false);
        RestAssured.given().get(url).then().statusCode(404);
    }

    private static LinkSignature signer() {
        String key = ConfigProvider.getConfig().getValue("consulta.media.links.key", String.class);
        return new LinkSignature(Base64.getDecoder().decode(key));
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
