package io.consulta.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumers read event fields one way: missing, blank or mistyped fields are absent, never an exception. */
class CloudEventTest {

    private final ObjectMapper json = new ObjectMapper();

    private CloudEvent event(String subject, ObjectNode data) {
        return CloudEvent.create("/test", "user.updated", subject, data);
    }

    @Test
    void textIsAbsentWhenMissingBlankOrNotText() {
        ObjectNode data = json.createObjectNode().put("name", "Ada").put("blank", "  ").put("number", 7);
        CloudEvent event = event("u-1", data);

        assertThat(event.text("name")).isEqualTo("Ada");
        assertThat(event.text("blank")).isNull();
        assertThat(event.text("number")).isNull();
        assertThat(event.text("missing")).isNull();
        assertThat(event("u-1", null).text("name")).isNull();
    }

    @Test
    void userIdFallsBackToTheSubject() {
        assertThat(event("subject-user", json.createObjectNode().put("userId", "data-user")).userId())
                .isEqualTo("data-user");
        assertThat(event("subject-user", json.createObjectNode().put("userId", "")).userId()).isEqualTo("subject-user");
        assertThat(event("subject-user", null).userId()).isEqualTo("subject-user");
        assertThat(event(null, json.createObjectNode()).userId()).isNull();
    }

    @Test
    void instantIsAbsentWhenNotAnInstant() {
        ObjectNode data = json.createObjectNode().put("start", "2026-12-01T09:30:00Z").put("bad", "tomorrow");
        CloudEvent event = event("a-1", data);

        assertThat(event.instant("start")).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(event.instant("bad")).isNull();
        assertThat(event.instant("missing")).isNull();
    }

    @Test
    void theHelpersAreNotWrittenIntoTheEvent() throws Exception {
        String written = json.findAndRegisterModules().writeValueAsString(
                event("u-1", json.createObjectNode().put("userId", "u-1")));

        assertThat(json.readTree(written).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("specversion", "id", "source", "type", "time", "subject", "datacontenttype",
                        "data");
    }
}
