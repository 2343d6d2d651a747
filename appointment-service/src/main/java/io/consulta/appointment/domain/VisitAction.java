package io.consulta.appointment.domain;

/** What can happen to a booked visit, and the event each publishes. */
public enum VisitAction {
    RESCHEDULE("rescheduled", "rescheduled"),
    CANCEL("cancelled", "cancelled"),
    CHECK_IN("checked-in", "checked in"),
    START("started", "started"),
    COMPLETE("completed", "completed"),
    NO_SHOW("no-show", "marked as a no-show");

    private final String eventSuffix;
    private final String pastTense;

    VisitAction(String eventSuffix, String pastTense) {
        this.eventSuffix = eventSuffix;
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }

    public String eventType() {
        return "appointment." + eventSuffix;
    }
}
