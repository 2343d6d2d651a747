package io.consulta.auth.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.consulta.auth.SignUps;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.DoctorDirectory;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The directory is served from memory. Changes made through this replica show at once; changes another replica wrote
 * to the shared store (simulated here by writing to MongoDB directly, as that replica's Accounts service would: new
 * version, new updatedAt) show after the next refresh. The test profile sets the refresh intervals to an hour, so the
 * tests decide when a refresh happens.
 */
@QuarkusTest
class DirectoryReplicasTest {

    @Inject
    DoctorDirectory directory;

    @Inject
    ProfileRepository profiles;

    @Test
    void anApprovalOnAnotherReplicaShowsAfterTheNextRefresh() {
        String tag = tag();
        String id = SignUps.register(SignUps.doctor(SignUps.uniqueEmail("elsewhere"), "Olga Elsewhere " + tag,
                "Neurology", List.of("en")));

        writtenByAnotherReplica(id, Updates.set("status", "ACTIVE"));
        searchFor(tag).body("items", empty());

        directory.refresh();
        searchFor(tag).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aRenameAndThenADisableOnAnotherReplicaShowAfterRefresh() {
        String tag = tag();
        String id = SignUps.approvedDoctor("Ivo Before " + tag, "Urology", List.of("pt"));

        writtenByAnotherReplica(id, Updates.set("name", "Ivo After " + tag),
                Updates.set("nameLower", Names.searchable("Ivo After " + tag)));
        directory.refresh();
        searchFor(tag).body("items.name", equalTo(List.of("Ivo After " + tag)));

        writtenByAnotherReplica(id, Updates.set("status", "DISABLED"));
        given().when().get("/api/v1/doctors/" + id).then().statusCode(200);
        directory.refresh();
        searchFor(tag).body("items", empty());
        given().when().get("/api/v1/doctors/" + id).then().statusCode(404);
    }

    @Test
    void aHandEditOfALongUnchangedProfileShowsAfterTheFullReload() {
        String tag = tag();
        String id = SignUps.approvedDoctor("Rosa Manual " + tag, "Nutrition", List.of("es"));
        // Someone fixes the data in the database and leaves updatedAt at the profile's last change, long ago.
        profiles.mongoCollection().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("specialty", "Sports Medicine"), Updates.set("specialtyLower", "sports medicine"),
                Updates.set("updatedAt", Date.from(Instant.parse("2025-01-01T00:00:00Z"))), Updates.inc("version", 1L)));

        directory.refresh();
        searchFor(tag).body("items.specialty", equalTo(List.of("Nutrition")));

        directory.reload();
        searchFor(tag).body("items.specialty", equalTo(List.of("Sports Medicine")));
    }

    @Test
    void aDoctorsOwnProfileEditShowsAtOnce() {
        String tag = tag();
        String id = SignUps.approvedDoctor("Nuno Old " + tag, "Psychiatry", List.of("pt"));

        given().auth().oauth2(TestTokens.doctor(id)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Nuno New " + tag, "phone", "+351 911 111 111", "specialty", "Psychology",
                        "languages", List.of("PT", "en"), "bio", "Talks.", "clinicAddress", "Rua 2, Braga",
                        "consultationFee", 60))
                .when().put("/api/v1/me")
                .then().statusCode(200);

        searchFor(tag).body("items.name", equalTo(List.of("Nuno New " + tag)))
                .body("items[0].specialty", equalTo("Psychology"))
                .body("items[0].languages", equalTo(List.of("pt", "en")));
        given().queryParam("q", tag).queryParam("language", "en").when().get("/api/v1/doctors")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aReplicaIsReadyOnlyWithItsDirectoryLoaded() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'doctor directory' }.status", equalTo("UP"));
    }

    private void writtenByAnotherReplica(String id, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("updatedAt", Date.from(Instant.now())));
        update.add(Updates.inc("version", 1L));
        profiles.mongoCollection().updateOne(Filters.eq("_id", id), Updates.combine(update));
    }

    private static ValidatableResponse searchFor(String tag) {
        return given().queryParam("q", tag).when().get("/api/v1/doctors").then().statusCode(200);
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
