package io.consulta.e2e.support;

import io.consulta.localstack.StackConfig;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/** The stack's mail inbox (GreenMail behind local-stack's Inbox): what Keycloak and the services really sent. */
public final class Inbox {

    public static final String URL = io.consulta.localstack.Inbox.messagesUrl(StackConfig.INBOX_PORT);

    private Inbox() {
    }

    public static List<Map<String, Object>> messagesTo(String address) {
        return JsonPath.from(given().queryParam("to", address).when().get(URL)
                .then().statusCode(200).extract().asString()).getList("$");
    }

    /** Waits until a message to {@code address} whose subject contains {@code subject} arrived; returns it. */
    public static Map<String, Object> await(String address, String subject, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> messagesTo(address).stream()
                        .filter(m -> String.valueOf(m.get("subject")).contains(subject)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
