package io.consulta.appointment.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consulta.appointment.store.Appointment;

import java.time.Instant;

/** What appointment-service tells the others on consulta.appointments: who, when and the status — no visit reason. */
public final class AppointmentEvents {

    public static final String TOPIC = "consulta.appointments";
    public static final String BOOKED = "appointment.booked";
    public static final String REMINDER_DUE = "appointment.reminder-due";

    private AppointmentEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentData(String appointmentId, String doctorId, String patientId, Instant start, Instant end,
                                  String status, String visitType, String timeZone, Instant previousStart,
                                  Instant previousEnd, String cancelledBy, String cancellationReason, String reminder) {

        public static AppointmentData of(Appointment visit, String timeZone) {
            return new AppointmentData(visit.id, visit.doctorId, visit.patientId, visit.start, visit.end,
                    visit.status.code(), visit.visitType.name(), timeZone, null, null, visit.cancelledByRole,
                    visit.cancellationReason, null);
        }

        public AppointmentData movedFrom(Instant oldStart, Instant oldEnd) {
            return new AppointmentData(appointmentId, doctorId, patientId, start, end, status, visitType, timeZone,
                    oldStart, oldEnd, cancelledBy, cancellationReason, reminder);
        }

        public AppointmentData reminding(String kind) {
            return new AppointmentData(appointmentId, doctorId, patientId, start, end, status, visitType, timeZone,
                    previousStart, previousEnd, cancelledBy, cancellationReason, kind);
        }
    }
}
