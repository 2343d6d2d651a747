package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationRulesTest {

    private static final Function<String, String> NAMES = Map.of("pat", "Alice Martin", "doc", "Dr Gregory House")::get;

    private static AppointmentFacts appointment(String cancelledBy) {
        return new AppointmentFacts("a1", "doc", "pat", Instant.parse("2026-12-01T08:00:00Z"), "Europe/Berlin",
                "IN_PERSON", cancelledBy);
    }

    @Test
    void aBookingTellsBothPeopleInTheAppointmentsTimeZone() {
        List<NotificationDraft> drafts = NotificationRules.forAppointment("appointment.booked", appointment(null), NAMES);
        assertThat(drafts).extracting(NotificationDraft::userId).containsExactly("doc", "pat");
        assertThat(drafts.get(0).body()).isEqualTo("Alice Martin booked a visit on Tue 1 Dec 2026, 09:00 (Europe/Berlin).");
        assertThat(drafts.get(1).body()).contains("Dr Gregory House");
        assertThat(drafts.get(0).data()).containsEntry("appointmentId", "a1");
        assertThat(drafts).noneMatch(NotificationDraft::email);
    }

    @Test
    void aCancellationTellsTheOtherPerson() {
        assertThat(NotificationRules.forAppointment("appointment.cancelled", appointment("patient"), NAMES))
                .extracting(NotificationDraft::userId).containsExactly("doc");
        assertThat(NotificationRules.forAppointment("appointment.cancelled", appointment("doc"), NAMES))
                .extracting(NotificationDraft::userId).containsExactly("pat");
        assertThat(NotificationRules.forAppointment("appointment.cancelled", appointment("system"), NAMES))
                .extracting(NotificationDraft::userId).containsExactly("doc", "pat");
    }

    @Test
    void aReminderGoesToThePatientAlsoByEmail() {
        List<NotificationDraft> drafts = NotificationRules.forAppointment("appointment.reminder-due", appointment(null), NAMES);
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.userId()).isEqualTo("pat");
            assertThat(d.email()).isTrue();
        });
    }

    @Test
    void visitLifecycleEventsNotifyNobody() {
        for (String type : List.of("appointment.checked-in", "appointment.completed", "appointment.no-show")) {
            assertThat(NotificationRules.forAppointment(type, appointment(null), NAMES)).isEmpty();
        }
    }

    @Test
    void unknownNamesAndTimesStillReadWell() {
        AppointmentFacts bare = new AppointmentFacts("a1", "d?", "p?", null, "Not/AZone", "VIDEO", null);
        List<NotificationDraft> drafts = NotificationRules.forAppointment("appointment.rescheduled", bare, id -> null);
        assertThat(drafts.get(0).body()).isEqualTo("The video visit with A patient moved to the agreed time.");
        assertThat(drafts.get(1).body()).isEqualTo("Your video visit with your doctor moved to the agreed time.");
    }

    @Test
    void notesGoToTheOtherPersonAndPrescriptionsToThePatient() {
        assertThat(NotificationRules.forNotes("note.shared", "pat", "doc", "doc", "n1", null, List.of(), NAMES))
                .singleElement().satisfies(d -> {
                    assertThat(d.userId()).isEqualTo("pat");
                    assertThat(d.body()).isEqualTo("Dr Gregory House shared a note with you.");
                    assertThat(d.data()).containsEntry("noteId", "n1");
                });
        assertThat(NotificationRules.forNotes("note.shared", "pat", "doc", "pat", "n2", null, List.of("other"), NAMES))
                .singleElement().satisfies(d -> {
                    assertThat(d.userId()).isEqualTo("doc");
                    assertThat(d.data()).containsEntry("noteId", "n2").containsEntry("patientId", "pat");
                });
        assertThat(NotificationRules.forNotes("prescription.issued", "pat", "doc", null, null, "rx", List.of(), NAMES))
                .singleElement().satisfies(d -> assertThat(d.data()).containsEntry("prescriptionId", "rx"));
        assertThat(NotificationRules.forNotes("note.revised", "pat", "doc", null, "n", null, List.of(), NAMES)).isEmpty();
    }

    @Test
    void aPatientsOwnNewNoteGoesToEveryDoctorCaringForThem() {
        assertThat(NotificationRules.forNotes("note.shared", "pat", null, "pat", "n3", null,
                List.of("doc", "doc2"), NAMES))
                .extracting(NotificationDraft::userId).containsExactly("doc", "doc2");
        assertThat(NotificationRules.forNotes("note.shared", "pat", null, "pat", "n4", null, List.of(), NAMES))
                .isEmpty();
        assertThat(NotificationRules.forNotes("prescription.issued", "pat", null, null, null, "rx",
                List.of("doc"), NAMES)).isEmpty();
    }

    @Test
    void onlyApprovalNotifiesFromIdentityEvents() {
        assertThat(NotificationRules.forIdentity("doctor.approved", "doc")).hasSize(1);
        assertThat(NotificationRules.forIdentity("user.registered", "pat")).isEmpty();
    }
}
