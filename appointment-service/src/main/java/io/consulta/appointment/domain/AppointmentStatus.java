package io.consulta.appointment.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.consulta.common.domain.WireNames;

/** The visit states of a FHIR Appointment that Consulta uses, written as FHIR writes them. */
public enum AppointmentStatus {
    BOOKED, ARRIVED, FULFILLED, CANCELLED, NOSHOW;

    @JsonValue
    public String code() {
        return WireNames.of(this);
    }

    public static AppointmentStatus fromCode(String code) {
        for (AppointmentStatus status : values()) {
            if (status.code().equalsIgnoreCase(code) || status.name().equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + code + "'; use one of booked, arrived, fulfilled, "
                + "cancelled, noshow");
    }

    /** Still on the calendar: it keeps its time slot taken. */
    public boolean holdsSlot() {
        return this == BOOKED || this == ARRIVED;
    }
}
