package io.consulta.chat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.consulta.chat.store.ChatMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written hot-path frames say exactly what their records would. */
class FramesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Frames frames = new Frames(json);

    private final ChatMessage tricky = new ChatMessage("m-1", "c-1", 42, "pat-1", "cm-1",
            "Quotes \" backslash \\ newline \n tab \t emoji 😀 control \u0001 </script>", List.of("a", "b"),
            Instant.parse("2026-12-01T08:00:00.120Z"));

    @Test
    void messageFramesMatchTheRecordAndSurviveAnyText() throws Exception {
        JsonNode written = json.readTree(frames.message(tricky));
        JsonNode expected = json.readTree(json.writeValueAsString(new Frames.Message("message", "c-1", "m-1", 42,
                "pat-1", "cm-1", tricky.text(), List.of("a", "b"), tricky.sentAt())));
        assertThat(written).isEqualTo(expected);
        assertThat(written.path("text").asText()).isEqualTo(tricky.text());
        assertThat(written.path("sentAt").asText()).isEqualTo("2026-12-01T08:00:00.120Z");
    }

    @Test
    void ackFramesMatchTheRecord() throws Exception {
        JsonNode written = json.readTree(frames.ack(tricky, true));
        JsonNode expected = json.readTree(json.writeValueAsString(
                new Frames.Ack("ack", "c-1", "cm-1", "m-1", 42, tricky.sentAt(), true)));
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void aMessageWithoutAttachmentsHasAnEmptyList() throws Exception {
        ChatMessage plain = new ChatMessage("m", "c", 1, "s", "x", "hi", List.of(), Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(json.readTree(frames.message(plain)).path("mediaIds").isArray()).isTrue();
        assertThat(json.readTree(frames.message(plain)).path("mediaIds")).isEmpty();
    }
}
