package io.consulta.notes.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.contracts.NoteEvents;
import io.consulta.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** notes-service's events: every type has a contract whose examples are exactly what NoteEvents' records write. */
class NoteEventsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void everyTypeHasAContractWithValidExamples() {
        for (String type : NoteEvents.TYPES) {
            List<JsonNode> examples = EventContracts.examples(type);
            assertThat(examples).as(type).isNotEmpty();
            examples.forEach(example -> EventContracts.assertValid(type, example));
        }
    }

    @Test
    void theExamplesAreWhatTheRecordsWrite() throws Exception {
        assertRoundTrip(NoteEvents.NOTE_SHARED, NoteEvents.NoteShared.class);
        assertRoundTrip(NoteEvents.NOTE_UPDATED, NoteEvents.NoteUpdated.class);
        assertRoundTrip(NoteEvents.PRESCRIPTION_ISSUED, NoteEvents.PrescriptionIssued.class);
        assertRoundTrip(NoteEvents.PRESCRIPTION_CANCELLED, NoteEvents.PrescriptionCancelled.class);
    }

    @Test
    void noContractAllowsClinicalText() {
        for (String type : NoteEvents.TYPES) {
            JsonNode example = EventContracts.examples(type).getFirst();
            ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("title", "Headache");
            assertThat(EventContracts.violations(type, example)).as(type).isNotEmpty();
        }
    }

    private static void assertRoundTrip(String type, Class<?> record) throws Exception {
        for (JsonNode example : EventContracts.examples(type)) {
            Object data = JSON.treeToValue(example, record);
            // compared as text: a long field reads back as a different node type than the example's int
            assertThat(JSON.writeValueAsString(data)).as(type).isEqualTo(JSON.writeValueAsString(example));
        }
    }
}
