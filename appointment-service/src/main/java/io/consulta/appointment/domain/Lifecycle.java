package io.consulta.appointment.domain;

import java.time.Instant;

/**
 * The visit status machine (FHIR Appointment): booked → arrived (check-in, or the doctor starts the visit) → fulfilled;
 * booked → cancelled or noshow. Only a booked visit can be rescheduled or cancelled; a no-show can only be recorded
 * once the visit should have begun; a visit is started once.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static AppointmentStatus next(AppointmentStatus current, VisitAction action, boolean started,
                                         Instant visitStart, Instant now) {
        return switch (action) {
            case RESCHEDULE -> from(current, action, AppointmentStatus.BOOKED, AppointmentStatus.BOOKED);
            case CANCEL -> from(current, action, AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED);
            case CHECK_IN -> from(current, action, AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED);
            case START -> {
                if (started) {
                    throw new IllegalTransitionException("The visit has already been started");
                }
                if (current != AppointmentStatus.BOOKED && current != AppointmentStatus.ARRIVED) {
                    throw refused(current, action);
                }
                yield AppointmentStatus.ARRIVED;
            }
            case COMPLETE -> from(current, action, AppointmentStatus.ARRIVED, AppointmentStatus.FULFILLED);
            case NO_SHOW -> {
                if (now.isBefore(visitStart)) {
                    throw new IllegalTransitionException("A no-show can only be recorded once the visit should have begun");
                }
                yield from(current, action, AppointmentStatus.BOOKED, AppointmentStatus.NOSHOW);
            }
        };
    }

    private static AppointmentStatus from(AppointmentStatus current, VisitAction action, AppointmentStatus required,
                                          AppointmentStatus result) {
        if (current != required) {
            throw refused(current, action);
        }
        return result;
    }

    private static IllegalTransitionException refused(AppointmentStatus current, VisitAction action) {
        return new IllegalTransitionException("A " + current.code() + " appointment cannot be "
                + action.pastTense());
    }
}
