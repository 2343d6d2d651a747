package io.consulta.media.api;

import io.consulta.media.MediaApi;
import io.consulta.media.Pictures;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what, as one table: the uploader, the patient concerned and doctors caring for them see a media item;
 * everyone else (another patient, another doctor, a doctor whose appointment was cancelled, an admin) gets 404 for
 * the content, the thumbnail and a link, and does not find it in lists. Deleting is the uploader's alone.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private final String alice = newId("alice");
    private final String bob = newId("bob");
    private final String house = newId("dr-house");
    private final String quinn = newId("dr-quinn");
    private final String cuddy = newId("dr-cuddy");
    private final String admin = newId("admin");
    private final Map<String, Function<String, String>> tokens = Map.of(
            "alice", TestTokens::patient, "bob", TestTokens::patient, "dr-house", TestTokens::doctor,
            "dr-quinn", TestTokens::doctor, "dr-cuddy", TestTokens::doctor, "admin", TestTokens::admin);
    private Map<String, String> people;
    private Map<String, String> media;

    /** One row: who asks, about which item, and the status of each request (0: not asked here). */
    record Row(String viewer, String item, int content, int thumbnail, int link, boolean listed, int delete) {
        @Override
        public String toString() {
            return viewer + " on " + item;
        }
    }

    static List<Row> matrix() {
        return List.of(
                // alice's own photo
                new Row("alice", "alice's photo", 200, 200, 200, true, 0),
                new Row("dr-house", "alice's photo", 200, 200, 200, true, 403),
                new Row("bob", "alice's photo", 404, 404, 404, false, 404),
                new Row("dr-quinn", "alice's photo", 404, 404, 404, false, 404),
                new Row("dr-cuddy", "alice's photo", 404, 404, 404, false, 404),
                new Row("admin", "alice's photo", 404, 404, 404, false, 404),
                // a scan Dr House uploaded for alice
                new Row("dr-house", "house's scan", 200, 200, 200, true, 0),
                new Row("alice", "house's scan", 200, 200, 200, true, 403),
                new Row("bob", "house's scan", 404, 404, 404, false, 404),
                new Row("dr-quinn", "house's scan", 404, 404, 404, false, 404),
                new Row("dr-cuddy", "house's scan", 404, 404, 404, false, 404),
                new Row("admin", "house's scan", 404, 404, 404, false, 404));
    }

    /** Made by the first row: RestAssured points at the test port only once a test runs, not in @BeforeAll. */
    private synchronized void twoPatientsThreeDoctorsAndTwoItems() {
        if (media != null) {
            return;
        }
        people = Map.of("alice", alice, "bob", bob, "dr-house", house, "dr-quinn", quinn, "dr-cuddy", cuddy,
                "admin", admin);
        MediaApi.book(alice, house);
        String cancelled = MediaApi.book(alice, cuddy);
        MediaApi.book(bob, quinn);
        MediaApi.awaitCare(cuddy, alice, true);
        MediaApi.cancel(cancelled, alice, cuddy);
        MediaApi.awaitCare(house, alice, true);
        MediaApi.awaitCare(quinn, bob, true);
        MediaApi.awaitCare(cuddy, alice, false);

        String photo = MediaApi.uploadPhoto(alice);
        String scan = MediaApi.upload(TestTokens.doctor(house), Pictures.png(Pictures.leftRedRightBlue(40, 40)),
                "scan.png", "image/png", "note-attachment", alice).then().statusCode(201).extract().path("id");
        media = Map.of("alice's photo", photo, "house's scan", scan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void accessFollowsTheCareRelationship(Row row) {
        twoPatientsThreeDoctorsAndTwoItems();
        String token = tokens.get(row.viewer()).apply(people.get(row.viewer()));
        String id = media.get(row.item());

        as(token).get("/api/v1/media/" + id).then().statusCode(row.content());
        as(token).get("/api/v1/media/" + id + "/thumbnail").then().statusCode(row.thumbnail());
        as(token).post("/api/v1/media/" + id + "/link").then().statusCode(row.link());
        List<String> listed = as(token).queryParam("patientId", alice).get("/api/v1/media")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed.contains(id)).as("listed").isEqualTo(row.listed());
        if (row.delete() != 0) {
            as(token).delete("/api/v1/media/" + id).then().statusCode(row.delete());
        }
    }
}
