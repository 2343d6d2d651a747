package io.consulta.common.care;

import io.consulta.common.store.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class CareRelationshipsTest {

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private CareRelationships relationships;

    @BeforeEach
    void create() {
        relationships = new CareRelationships(mongo.collection("care_relationships"));
        relationships.createIndexes();
    }

    @Test
    void anActiveAppointmentRelatesTheTwoUntilItIsCancelled() {
        relationships.appointmentActive("doctor-1", "patient-1", "a-1");
        relationships.appointmentActive("doctor-1", "patient-1", "a-1");

        assertThat(relationships.hasActiveAppointment("doctor-1", "patient-1")).isTrue();
        assertThat(relationships.exists("doctor-1", "patient-1")).isTrue();
        assertThat(relationships.hasActiveAppointment("patient-1", "doctor-1")).isFalse();

        relationships.appointmentCancelled("doctor-1", "patient-1", "a-1");
        assertThat(relationships.hasActiveAppointment("doctor-1", "patient-1")).isFalse();
        assertThat(relationships.exists("doctor-1", "patient-1")).isFalse();
    }

    @Test
    void oneCancelledAppointmentLeavesTheOthers() {
        relationships.appointmentActive("doctor-1", "patient-1", "a-1");
        relationships.appointmentActive("doctor-1", "patient-1", "a-2");
        relationships.appointmentCancelled("doctor-1", "patient-1", "a-1");

        assertThat(relationships.hasActiveAppointment("doctor-1", "patient-1")).isTrue();
    }

    @Test
    void aConversationRelatesThemWithoutAnAppointment() {
        relationships.conversationStarted("doctor-2", "patient-1");

        assertThat(relationships.exists("doctor-2", "patient-1")).isTrue();
        assertThat(relationships.hasActiveAppointment("doctor-2", "patient-1")).isFalse();
    }

    @Test
    void aPatientsDoctorsAreThoseWithAnActiveAppointment() {
        relationships.appointmentActive("doctor-1", "patient-1", "a-1");
        relationships.appointmentActive("doctor-2", "patient-1", "a-2");
        relationships.appointmentCancelled("doctor-2", "patient-1", "a-2");
        relationships.conversationStarted("doctor-3", "patient-1");
        relationships.appointmentActive("doctor-1", "patient-2", "a-3");

        assertThat(relationships.doctorsOf("patient-1")).containsExactly("doctor-1");
        assertThat(relationships.doctorsOf("nobody")).isEmpty();
    }
}
