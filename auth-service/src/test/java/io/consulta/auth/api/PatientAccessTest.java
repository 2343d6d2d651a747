package io.consulta.auth.api;

import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.ChatEvents;
import io.consulta.testing.EventContracts;
import io.consulta.auth.SignUps;
import io.consulta.testing.EventBus;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PatientAccessTest {

    private static ValidatableResponse doctorReads(String doctor, String patient) {
        return given().auth().oauth2(TestTokens.doctor(doctor)).when().get("/api/v1/patients/" + patient).then();
    }

    /** The care-relationship projection follows the events asynchronously. */
    private static void awaitDoctorReads(String doctor, String patient, int status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> doctorReads(doctor, patient).statusCode(status));
    }

    @Test
    void aPatientSeesThemselvesButNoOtherPatient() {
        String paula = SignUps.register(SignUps.patient(SignUps.uniqueEmail("paula")));
        String peter = SignUps.register(SignUps.patient(SignUps.uniqueEmail("peter")));

        given().auth().oauth2(TestTokens.patient(paula)).when().get("/api/v1/patients/" + paula)
                .then().statusCode(200).body("dateOfBirth", equalTo("1990-04-12"));
        given().auth().oauth2(TestTokens.patient(peter)).when().get("/api/v1/patients/" + paula)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDoctorSeesAPatientOnlyWhileCaringForThem() {
        String patient = SignUps.register(SignUps.patient(SignUps.uniqueEmail("cared")));
        String doctor = SignUps.approvedDoctor("Carl Carer", "General practice", List.of("en"));
        String appointment = UUID.randomUUID().toString();
        doctorReads(doctor, patient).statusCode(404);

        Map<String, String> pair = Map.of("appointmentId", appointment, "doctorId", doctor, "patientId", patient);
        EventBus.publish(AppointmentEvents.TOPIC, AppointmentEvents.BOOKED, appointment,
                EventContracts.example(AppointmentEvents.BOOKED, pair));
        awaitDoctorReads(doctor, patient, 200);
        doctorReads(doctor, patient).body("dateOfBirth", equalTo("1990-04-12"));

        EventBus.publish(AppointmentEvents.TOPIC, AppointmentEvents.CANCELLED, appointment,
                EventContracts.example(AppointmentEvents.CANCELLED, pair));
        awaitDoctorReads(doctor, patient, 404);
    }

    @Test
    void aConversationThePatientStartedIsACareRelationship() {
        String patient = SignUps.register(SignUps.patient(SignUps.uniqueEmail("chatty")));
        String doctor = SignUps.approvedDoctor("Chad Chat", "Psychiatry", List.of("en"));

        String conversation = UUID.randomUUID().toString();
        EventBus.publish(ChatEvents.TOPIC, ChatEvents.CONVERSATION_STARTED, conversation,
                EventContracts.example(ChatEvents.CONVERSATION_STARTED,
                        Map.of("conversationId", conversation, "doctorId", doctor, "patientId", patient)));

        awaitDoctorReads(doctor, patient, 200);
    }

    @Test
    void anAdminSeesAccountStateOnly() {
        String patient = SignUps.register(SignUps.patient(SignUps.uniqueEmail("private")));

        given().auth().oauth2(TestTokens.admin("admin-2")).when().get("/api/v1/patients/" + patient)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("dateOfBirth", nullValue())
                .body("phone", nullValue());
    }

    @Test
    void aDoctorIsNotAPatient() {
        String doctor = SignUps.approvedDoctor("Not Patient", "Surgery", List.of("en"));

        given().auth().oauth2(TestTokens.admin("admin-3")).when().get("/api/v1/patients/" + doctor)
                .then().statusCode(404);
    }
}
