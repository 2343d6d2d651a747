package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aProblemJsonBecomesStatusTitleAndDetail() throws IOException {
        var problem = ApiClient.JSON.readTree("""
                {"type":"/problems/validation","title":"Invalid input","status":400,
                 "detail":"timeZone: 'Mars/Olympus' is not an IANA time zone such as Europe/Berlin"}""");

        assertThat(Problems.describe(400, problem))
                .isEqualTo("HTTP 400 Invalid input: timeZone: 'Mars/Olympus' is not an IANA time zone such as Europe/Berlin");
    }

    @Test
    void keycloaksOauthErrorIsReadToo() throws IOException {
        var error = ApiClient.JSON.readTree("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");

        assertThat(Problems.describe(401, error)).isEqualTo("HTTP 401 invalid_grant: Invalid user credentials");
    }

    @Test
    void plainTextAndEmptyBodiesStillSayTheStatus() {
        assertThat(Problems.describe(502, TextNode.valueOf("Bad gateway\n"))).isEqualTo("HTTP 502: Bad gateway");
        assertThat(Problems.describe(503, ApiClient.JSON.nullNode())).isEqualTo("HTTP 503");
        assertThat(Problems.describe(500, TextNode.valueOf("x".repeat(1000)))).hasSizeLessThan(320).endsWith("…");
    }
}
