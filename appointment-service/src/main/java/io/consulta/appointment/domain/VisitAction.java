package io.consulta.appointment.domain;

import io.consulta.common.contracts.AppointmentEvents;
import lombok.RequiredArgsConstructor;

/** What can happen to a booked visit, and the event each publishes. */
@RequiredArgsConstructor
public enum VisitAction {
    RESCHEDULE(AppointmentEvents.RESCHEDULED, "rescheduled"),
    CANCEL(AppointmentEvents.CANCELLED, "cancelled"),
    CHECK_IN(AppointmentEvents.CHECKED_IN, "checked in"),
    START(AppointmentEvents.STARTED, "started"),
    COMPLETE(AppointmentEvents.COMPLETED, "completed"),
    NO_SHOW(AppointmentEvents.NO_SHOW, "marked as a no-show");

    private final String eventType;
    private final String pastTense;

    public String pastTense() {
        return pastTense;
    }

    public String eventType() {
        return eventType;
    }
}
