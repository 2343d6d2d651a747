package io.consulta.common.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What appointment-service tells the others on {@value Topics#APPOINTMENTS}: who, when and the status, never the
 * visit reason. The schemas are {@code events/<type>.schema.json}.
 */
public final class AppointmentEvents {

    public static final String TOPIC = Topics.APPOINTMENTS;
    /** Every type on the topic starts with it. */
    public static final String PREFIX = "appointment.";
    public static final String BOOKED = "appointment.booked";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String CHECKED_IN = "appointment.checked-in";
    public static final String STARTED = "appointment.started";
    public static final String COMPLETED = "appointment.completed";
    public static final String NO_SHOW = "appointment.no-show";
    public static final String REMINDER_DUE = "appointment.reminder-due";

    public static final List<String> TYPES =
            List.of(BOOKED, RESCHEDULED, CANCELLED, CHECKED_IN, STARTED, COMPLETED, NO_SHOW, REMINDER_DUE);

    private AppointmentEvents() {
    }

    /**
     * The data of every appointment event: {@code previousStart}/{@code previousEnd} only on a reschedule,
     * {@code cancelledBy}/{@code cancellationReason} on a cancellation, {@code reminder} on a reminder.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentData(String appointmentId, String doctorId, String patientId, Instant start, Instant end,
                                  String status, String visitType, String timeZone, Instant previousStart,
                                  Instant previousEnd, String cancelledBy, String cancellationReason, String reminder) {

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
