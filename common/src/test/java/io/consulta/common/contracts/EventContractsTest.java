package io.consulta.common.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.consulta.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event type a producer declares has a schema whose examples are valid and are exactly its data record. */
class EventContractsTest {

    /** As Quarkus' ObjectMapper writes event data: ISO-8601 times, no nulls (the records say NON_NULL). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Map<List<String>, Class<?>> DATA_OF_TYPES = Map.of(
            IdentityEvents.TYPES, IdentityEvents.IdentityData.class,
            AppointmentEvents.TYPES, AppointmentEvents.AppointmentData.class,
            List.of(ChatEvents.CONVERSATION_STARTED), ChatEvents.ConversationStarted.class,
            List.of(ChatEvents.MESSAGE_SENT), ChatEvents.MessageSent.class);

    @Test
    void everyDeclaredTypeHasValidExamples() {
        for (List<String> types : List.of(IdentityEvents.TYPES, AppointmentEvents.TYPES, ChatEvents.TYPES)) {
            for (String type : types) {
                for (JsonNode example : EventContracts.examples(type)) {
                    assertThat(EventContracts.violations(type, example)).as(type + " " + example).isEmpty();
                }
            }
        }
    }

    @Test
    void theExamplesAreExactlyWhatTheDataRecordsWrite() throws Exception {
        for (var entry : DATA_OF_TYPES.entrySet()) {
            for (String type : entry.getKey()) {
                for (JsonNode example : EventContracts.examples(type)) {
                    Object data = JSON.treeToValue(example, entry.getValue());
                    JsonNode written = JSON.valueToTree(data);
                    assertThat(written).as(type).isEqualTo(example);
                }
            }
        }
    }

    @Test
    void aFieldTheSchemaDoesNotKnowBreaksTheContract() {
        ObjectNode data = (ObjectNode) EventContracts.examples(AppointmentEvents.BOOKED).getFirst();
        data.put("reason", "a visit reason must never leave appointment-service");

        assertThatThrownBy(() -> EventContracts.assertValid(AppointmentEvents.BOOKED, data))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reason");
    }

    @Test
    void aMissingFieldOrAMalformedTimeBreaksTheContract() {
        ObjectNode missing = (ObjectNode) EventContracts.examples(ChatEvents.MESSAGE_SENT).getFirst();
        missing.remove("recipientId");
        ObjectNode badTime = (ObjectNode) EventContracts.examples(AppointmentEvents.CANCELLED).getFirst();
        badTime.put("start", "tomorrow at nine");
        ObjectNode badDate = (ObjectNode) EventContracts.examples(IdentityEvents.USER_REGISTERED).getFirst();
        badDate.put("dateOfBirth", "12/04/1990");

        assertThat(EventContracts.violations(ChatEvents.MESSAGE_SENT, missing)).singleElement().asString()
                .contains("recipientId");
        assertThat(EventContracts.violations(AppointmentEvents.CANCELLED, badTime)).isNotEmpty();
        assertThat(EventContracts.violations(IdentityEvents.USER_REGISTERED, badDate)).isNotEmpty();
    }

    @Test
    void anExampleWithReplacementsIsStillChecked() {
        Map<String, Object> data = EventContracts.example(AppointmentEvents.BOOKED,
                Map.of("appointmentId", "a-1", "doctorId", "d-1"));
        assertThat(data).containsEntry("appointmentId", "a-1").containsEntry("doctorId", "d-1")
                .containsKey("patientId");

        assertThatThrownBy(() -> EventContracts.example(AppointmentEvents.BOOKED, Map.of("visitType", "HOME")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anUnknownTypeHasNoContract() {
        assertThatThrownBy(() -> EventContracts.examples("appointment.teleported"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("appointment.teleported");
    }

    @Test
    void theEventsPageListsEveryTypeAndEveryField() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "events.md"));
        for (List<String> types : List.of(IdentityEvents.TYPES, AppointmentEvents.TYPES, ChatEvents.TYPES)) {
            for (String type : types) {
                String heading = "### `" + type + "`";
                assertThat(page).as("docs/events.md").contains(heading);
                String section = page.substring(page.indexOf(heading)).split("\n#", 2)[0];
                for (JsonNode example : EventContracts.examples(type)) {
                    example.fieldNames().forEachRemaining(field ->
                            assertThat(section).as(type + " in docs/events.md").contains("| `" + field + "` |"));
                }
            }
        }
    }
}
