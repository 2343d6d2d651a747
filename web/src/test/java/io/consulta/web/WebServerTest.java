package io.consulta.web;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WebServerTest {

    @Test
    void configJsonTellsTheAppWhereKeycloakAndTheServicesAre() {
        given().when().get("/config.json")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("keycloakUrl", equalTo("http://localhost:8180"))
                .body("realm", equalTo("consulta"))
                .body("clientId", equalTo("consulta-web"))
                .body("authUrl", equalTo("http://localhost:8081"))
                .body("appointmentsUrl", equalTo("http://localhost:8082"))
                .body("chatSocketUrl", equalTo("ws://localhost:8083/ws/chat"))
                .body("notesUrl", equalTo("http://localhost:8084"))
                .body("mediaUrl", equalTo("http://localhost:8085"));
    }

    @Test
    void theAppIsServedWithAStrictContentSecurityPolicy() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<div id=\"root\">"))
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                        containsString("connect-src 'self' http://localhost:8180 http://localhost:8081"),
                        containsString("ws://localhost:8083"), not(containsString("unsafe"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void aReloadOfAnAppRouteOpensTheApp() {
        given().when().get("/doctor/patients/123")
                .then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void aMissingAssetIsA404NotTheApp() {
        given().when().get("/assets/missing-1234.js").then().statusCode(404);
        given().when().get("/no-such-file.png").then().statusCode(404);
    }

    @Test
    void otherMethodsOnAppRoutesAreNotAnswered() {
        given().when().post("/visits").then().statusCode(allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                org.hamcrest.Matchers.lessThan(500)));
    }

    @Test
    void healthIsOnTheManagementInterfaceOnly() {
        int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().baseUri("http://localhost:" + managementPort).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
    }
}
