package io.consulta.appointment.api;

import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.VisitType;
import io.consulta.common.problem.ApiException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters read with an answer that names the parameter and the expected form. */
final class QueryParams {

    private QueryParams() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(name, "is required, as an ISO-8601 instant like 2026-12-01T09:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "'" + value + "' is not an ISO-8601 instant like 2026-12-01T09:00:00Z");
        }
    }

    static Instant instantOr(String name, String value, Instant fallback) {
        return value == null || value.isBlank() ? fallback : instant(name, value);
    }

    static VisitType visitType(String name, String value) {
        try {
            return VisitType.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, "'" + value + "' is not one of " + Arrays.toString(VisitType.values()));
        }
    }

    static AppointmentStatus status(String name, String value) {
        try {
            return AppointmentStatus.fromCode(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, e.getMessage());
        }
    }
}
