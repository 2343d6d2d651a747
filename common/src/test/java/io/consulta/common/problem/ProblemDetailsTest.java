package io.consulta.common.problem;

import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PATH = "/api/v1/probe";

    private static io.restassured.specification.RequestSpecification asPatient() {
        return given().auth().oauth2(TestTokens.patient("patient-1"));
    }

    @Test
    void invalidFieldsAreListedByTheirJsonNames() {
        asPatient().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "name", "x", "address", Map.of("city", ""),
                        "languages", java.util.List.of("en", " ")))
                .when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://consulta.io/problems/validation"))
                .body("title", equalTo("Invalid input"))
                .body("status", equalTo(400))
                .body("instance", equalTo(PATH))
                .body("errors.field", hasItems("email", "name", "address.city", "languages[1]"))
                .body("errors", hasSize(4))
                .body("detail", containsString("email"));
    }

    @Test
    void aMissingBodyIsAFieldError() {
        asPatient().contentType(ContentType.JSON).when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("request"));
    }

    @Test
    void aValidRequestPassesThrough() {
        asPatient().contentType(ContentType.JSON)
                .body(Map.of("email", "ana@example.org", "name", "Ana", "address", Map.of("city", "Porto")))
                .when().post(PATH)
                .then().statusCode(200).body("email", equalTo("ana@example.org"));
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        asPatient().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", ")
                .when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        asPatient().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.org\",\"name\":\"Ann\",\"address\":{\"city\":\"Lyon\"},\"birthDate\":\"yesterday\"}")
                .when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("birthDate"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void anOutOfRangeQueryParameterIsAFieldError() {
        asPatient().queryParam("limit", 1000).when().get(PATH + "/page")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("limit"));
        asPatient().queryParam("limit", "ten").when().get(PATH + "/page")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongMethodIsNotAllowedWithTheAllowedOnes() {
        asPatient().when().delete(PATH)
                .then().statusCode(405).contentType(PROBLEM_JSON).body("detail", containsString("DELETE"));
    }

    @Test
    void unsupportedMediaTypeIsRefused() {
        asPatient().contentType(ContentType.XML).body("<signup/>").when().post(PATH)
                .then().statusCode(415).contentType(PROBLEM_JSON).body("status", equalTo(415));
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsAProblem() {
        asPatient().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(4096) + "\"}").when().post(PATH)
                .then().statusCode(413).contentType(PROBLEM_JSON).body("status", equalTo(413));
    }

    @Test
    void aRoleTheCallerLacksIsForbidden() {
        asPatient().when().get(PATH + "/admin-only")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("title", equalTo("Forbidden"));
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get(PATH + "/admin-only")
                .then().statusCode(200);
    }

    @Test
    void conflictsCarryTheirDetail() {
        asPatient().when().get(PATH + "/conflict")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", equalTo("That slot was taken a moment ago"));
    }

    @Test
    void aUniqueIndexViolationIsAConflict() {
        asPatient().when().get(PATH + "/duplicate")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("title", equalTo("Conflict"));
    }

    @Test
    void unexpectedErrorsHideTheirCauseAndGiveAnIdToQuote() {
        asPatient().when().get(PATH + "/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("errorId", notNullValue())
                .body("detail", containsString("error id"))
                .body("detail", not(containsString("secret internal detail")))
                .body("trace", nullValue())
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void domainExceptionsBecomeTheirProblems() {
        record Expected(String kind, int status, String type) {
        }
        for (Expected expected : java.util.List.of(new Expected("not-found", 404, "not-found"),
                new Expected("conflict", 409, "conflict"), new Expected("stale", 412, "precondition-failed"),
                new Expected("version-required", 428, "precondition-required"),
                new Expected("forbidden", 403, "forbidden"), new Expected("invalid", 400, "validation"),
                new Expected("unprocessable", 422, "unprocessable"), new Expected("unavailable", 503, "unavailable"),
                new Expected("too-many", 429, "rate-limited"))) {
            asPatient().when().get(PATH + "/domain/" + expected.kind())
                    .then().statusCode(expected.status()).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://consulta.io/problems/" + expected.type()))
                    .body("status", equalTo(expected.status()))
                    .body("instance", equalTo(PATH + "/domain/" + expected.kind()));
        }
    }

    @Test
    void invalidInputListsEveryFieldAndANotFoundIdIsCut() {
        asPatient().when().get(PATH + "/domain/invalid")
                .then().statusCode(400)
                .body("errors.field", hasItems("start", "end"))
                .body("detail", equalTo("start: must be in the future; end: must be after start"));
        asPatient().when().get(PATH + "/domain/not-found")
                .then().statusCode(404).body("detail", not(containsString("a".repeat(65))));
    }

    @Test
    void tooManyRequestsSaysWhenToRetry() {
        asPatient().when().get(PATH + "/domain/too-many")
                .then().statusCode(429).header("Retry-After", "2");
    }
}
