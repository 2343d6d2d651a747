package io.consulta.common.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.store.InMemoryMongo;
import io.consulta.testing.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CareRelationshipRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private final CareRelationships relationships = new CareRelationships(mongo.collection("care_relationships"));

    @Test
    void everyAppointmentEventButCancellationAndReminderKeepsTheAppointmentActive() {
        for (String type : AppointmentEvents.TYPES) {
            String doctor = "doctor-" + type;
            JsonNode data = JSON.valueToTree(EventContracts.example(type,
                    Map.of("doctorId", doctor, "patientId", "patient-1")));
            CareRelationshipRule.apply(CloudEvent.create("/appointment-service", type, "a-1", data), relationships);
            boolean active = !type.equals(AppointmentEvents.CANCELLED) && !type.equals(AppointmentEvents.REMINDER_DUE);
            assertThat(relationships.hasActiveAppointment(doctor, "patient-1")).as(type).isEqualTo(active);
        }
    }

    @Test
    void aCancellationEndsTheAppointment() {
        CareRelationshipRule.apply(event(AppointmentEvents.BOOKED, "a-1", "doctor-1", "patient-1"), relationships);
        CareRelationshipRule.apply(event(AppointmentEvents.CANCELLED, "a-1", "doctor-1", "patient-1"), relationships);

        assertThat(relationships.hasActiveAppointment("doctor-1", "patient-1")).isFalse();
    }

    @Test
    void aStartedConversationIsRemembered() {
        JsonNode data = JSON.valueToTree(EventContracts.example(ChatEvents.CONVERSATION_STARTED,
                Map.of("doctorId", "doctor-1", "patientId", "patient-1")));
        CareRelationshipRule.apply(CloudEvent.create("/chat-service", ChatEvents.CONVERSATION_STARTED, "c-1", data),
                relationships);

        assertThat(relationships.exists("doctor-1", "patient-1")).isTrue();
        assertThat(relationships.hasActiveAppointment("doctor-1", "patient-1")).isFalse();
    }

    @Test
    void eventsWithoutBothPeopleOrOfOtherTopicsChangeNothing() {
        CareRelationshipRule.apply(event(AppointmentEvents.BOOKED, "a-1", "doctor-1", null), relationships);
        CareRelationshipRule.apply(event(IdentityEvents.USER_REGISTERED, null, "doctor-1", "patient-1"), relationships);
        CareRelationshipRule.apply(event(ChatEvents.MESSAGE_SENT, null, "doctor-1", "patient-1"), relationships);

        assertThat(relationships.exists("doctor-1", "patient-1")).isFalse();
        assertThat(mongo.collection("care_relationships").countDocuments()).isZero();
    }

    private static CloudEvent event(String type, String appointmentId, String doctorId, String patientId) {
        ObjectNode data = JSON.createObjectNode();
        if (appointmentId != null) {
            data.put("appointmentId", appointmentId);
        }
        if (doctorId != null) {
            data.put("doctorId", doctorId);
        }
        if (patientId != null) {
            data.put("patientId", patientId);
        }
        return CloudEvent.create("/test", type, appointmentId, data);
    }

    @Test
    void onlyAppointmentEventsAndStartedConversationsConcernTheProjection() {
        assertThat(AppointmentEvents.TYPES).allMatch(CareRelationshipRule::concerns);
        assertThat(CareRelationshipRule.concerns(ChatEvents.CONVERSATION_STARTED)).isTrue();
        assertThat(CareRelationshipRule.concerns(ChatEvents.MESSAGE_SENT)).isFalse();
        assertThat(IdentityEvents.TYPES).noneMatch(CareRelationshipRule::concerns);
        assertThat(CareRelationshipRule.concerns(null)).isFalse();
    }
}
