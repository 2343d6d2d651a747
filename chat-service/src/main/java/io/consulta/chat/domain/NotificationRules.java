package io.consulta.chat.domain;

import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.contracts.NoteEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which event tells whom what. Names come from the identity projection ({@code nameOf} answers null when unknown).
 * Texts name people and times, never clinical content: notes and prescriptions are opened in their own service.
 */
public final class NotificationRules {

    private NotificationRules() {
    }

    public static List<NotificationDraft> forAppointment(String type, AppointmentFacts a, Function<String, String> nameOf) {
        if (a.doctorId() == null || a.patientId() == null) {
            return List.of();
        }
        String doctor = nameOr(nameOf.apply(a.doctorId()), "your doctor");
        String patient = nameOr(nameOf.apply(a.patientId()), "A patient");
        Map<String, String> data = a.appointmentId() == null ? Map.of() : Map.of("appointmentId", a.appointmentId());
        List<NotificationDraft> out = new ArrayList<>();
        switch (type) {
            case AppointmentEvents.BOOKED -> {
                out.add(new NotificationDraft(a.doctorId(), type, "New appointment",
                        patient + " booked a " + a.visit() + " on " + a.when() + ".", data, false));
                out.add(new NotificationDraft(a.patientId(), type, "Appointment booked",
                        "Your " + a.visit() + " with " + doctor + " is on " + a.when() + ".", data, false));
            }
            case AppointmentEvents.RESCHEDULED -> {
                out.add(new NotificationDraft(a.doctorId(), type, "Appointment moved",
                        "The " + a.visit() + " with " + patient + " moved to " + a.when() + ".", data, false));
                out.add(new NotificationDraft(a.patientId(), type, "Appointment moved",
                        "Your " + a.visit() + " with " + doctor + " moved to " + a.when() + ".", data, false));
            }
            case AppointmentEvents.CANCELLED -> {
                Canceller by = canceller(a);
                if (by != Canceller.DOCTOR) {
                    out.add(new NotificationDraft(a.doctorId(), type, "Appointment cancelled",
                            "The " + a.visit() + " with " + patient + " on " + a.when() + " was cancelled.", data, false));
                }
                if (by != Canceller.PATIENT) {
                    out.add(new NotificationDraft(a.patientId(), type, "Appointment cancelled",
                            "Your " + a.visit() + " with " + doctor + " on " + a.when() + " was cancelled.", data, false));
                }
            }
            case AppointmentEvents.REMINDER_DUE -> out.add(new NotificationDraft(a.patientId(), type, "Appointment reminder",
                    "Reminder: your " + a.visit() + " with " + doctor + " is on " + a.when() + ".", data, true));
            default -> {
                // check-in, completion and no-show change the care relationship only
            }
        }
        return out;
    }

    /**
     * A note shared in the journal goes to the other person of the pair; a patient's own new note (no doctor named)
     * to every doctor caring for them; a prescription to the patient.
     */
    public static List<NotificationDraft> forNotes(String type, String patientId, String doctorId, String authorId,
                                                   String noteId, String prescriptionId, List<String> patientsDoctors,
                                                   Function<String, String> nameOf) {
        if (patientId == null) {
            return List.of();
        }
        return switch (type) {
            case NoteEvents.NOTE_SHARED -> {
                Map<String, String> data = noteId == null ? Map.of() : Map.of("noteId", noteId);
                if (patientId.equals(authorId)) {
                    List<String> doctors = doctorId != null ? List.of(doctorId) : patientsDoctors;
                    String body = nameOr(nameOf.apply(patientId), "A patient") + " shared a note with you.";
                    // a doctor has many patients' journals: the notification says whose
                    Map<String, String> forDoctor = noteId == null ? Map.of("patientId", patientId)
                            : Map.of("noteId", noteId, "patientId", patientId);
                    yield doctors.stream()
                            .map(doctor -> new NotificationDraft(doctor, type, "New note from a patient", body,
                                    forDoctor, false))
                            .toList();
                }
                yield doctorId == null ? List.of() : List.of(new NotificationDraft(patientId, type, "New note",
                        nameOr(nameOf.apply(doctorId), "Your doctor") + " shared a note with you.", data, false));
            }
            case NoteEvents.PRESCRIPTION_ISSUED -> doctorId == null ? List.of() : List.of(new NotificationDraft(
                    patientId, type, "New prescription",
                    nameOr(nameOf.apply(doctorId), "Your doctor") + " issued a prescription for you.",
                    prescriptionId == null ? Map.of() : Map.of("prescriptionId", prescriptionId), false));
            default -> List.of();
        };
    }

    public static List<NotificationDraft> forIdentity(String type, String userId) {
        if (IdentityEvents.DOCTOR_APPROVED.equals(type) && userId != null) {
            return List.of(new NotificationDraft(userId, type, "Account approved",
                    "Your doctor account is approved: patients can now find and book you.", Map.of(), false));
        }
        return List.of();
    }

    private enum Canceller { PATIENT, DOCTOR, OTHER }

    /** {@code cancelledBy} is a role name or a user id, depending on who cancelled. */
    private static Canceller canceller(AppointmentFacts a) {
        String by = a.cancelledBy();
        if (by == null) {
            return Canceller.OTHER;
        }
        if (by.equalsIgnoreCase("patient") || by.equals(a.patientId())) {
            return Canceller.PATIENT;
        }
        if (by.equalsIgnoreCase("doctor") || by.equals(a.doctorId())) {
            return Canceller.DOCTOR;
        }
        return Canceller.OTHER;
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
