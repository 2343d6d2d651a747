package io.consulta.auth.api;

import io.consulta.auth.SignUps;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DirectoryTest {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    private static String approvedCardiologist;
    private static String pendingDoctor;

    @BeforeEach
    void doctorsOnce() {
        if (approvedCardiologist != null) {
            return;
        }
        approvedCardiologist = SignUps.approvedDoctor("Zed Heart " + TAG, "Cardiology", List.of("en", "pt"));
        SignUps.approvedDoctor("Zoe Skin " + TAG, "Dermatology", List.of("fr"));
        SignUps.approvedDoctor("Zack Kids " + TAG, "Paediatrics", List.of("en"));
        pendingDoctor = SignUps.register(SignUps.doctor(SignUps.uniqueEmail("pending"), "Zina Pending " + TAG,
                "Cardiology", List.of("en")));
    }

    @Test
    void onlyApprovedDoctorsAreListedAndFoundByNameWhateverTheCase() {
        given().queryParam("q", TAG.toUpperCase()).when().get("/api/v1/doctors")
                .then().statusCode(200)
                .body("items.name", hasItem("Zed Heart " + TAG))
                .body("items.name", not(hasItem("Zina Pending " + TAG)))
                .body("items.size()", equalTo(3));
        given().when().get("/api/v1/doctors/" + pendingDoctor).then().statusCode(404);
        given().when().get("/api/v1/doctors/" + approvedCardiologist)
                .then().statusCode(200).body("specialty", equalTo("Cardiology")).body("licenceNumber", equalTo(null));
    }

    @Test
    void specialtyAndLanguageNarrowTheSearch() {
        given().queryParam("q", TAG).queryParam("specialty", "CARDIOLOGY").when().get("/api/v1/doctors")
                .then().statusCode(200).body("items.name", equalTo(List.of("Zed Heart " + TAG)));
        given().queryParam("q", TAG).queryParam("language", "EN").when().get("/api/v1/doctors")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("items.languages", everyItem(hasItem("en")));
        given().queryParam("q", "dermato").queryParam("language", "fr").when().get("/api/v1/doctors")
                .then().statusCode(200).body("items.name", hasItem("Zoe Skin " + TAG));
    }

    @Test
    void regexCharactersInTheQueryAreTakenLiterally() {
        given().queryParam("q", ".*").when().get("/api/v1/doctors")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", TAG).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/doctors").then().statusCode(200).extract();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(names).containsExactly("Zack Kids " + TAG, "Zed Heart " + TAG, "Zoe Skin " + TAG);
    }

    @Test
    void badPagingInputIsAFieldError() {
        given().queryParam("limit", 1000).when().get("/api/v1/doctors")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "%%%not-ours").when().get("/api/v1/doctors")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
