package io.consulta.appointment.api;

import io.consulta.common.problem.ApiException;
import io.consulta.common.problem.FieldError;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Bean Validation cannot say about an availability: a real IANA zone, and times and lengths on the five-minute
 * grid that slot claims use (a 09:07 start would make claims of neighbouring visits disagree).
 */
final class AvailabilityRules {

    private AvailabilityRules() {
    }

    static void check(AvailabilityRequest request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "'" + request.timeZone() + "' is not an IANA time zone such as Europe/Berlin"));
        }
        onGrid(errors, "slotMinutes", request.slotMinutes());
        onGrid(errors, "bufferBeforeMinutes", request.bufferBeforeMinutes());
        onGrid(errors, "bufferAfterMinutes", request.bufferAfterMinutes());
        request.weeklyHours().forEach((day, hours) -> checkHours(errors, "weeklyHours." + day, hours));
        List<AvailabilityRequest.DateOverride> overrides = request.dateOverrides() == null ? List.of() : request.dateOverrides();
        Set<Object> dates = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            if (!dates.add(overrides.get(i).date())) {
                errors.add(new FieldError("dateOverrides[" + i + "].date", "is given twice"));
            }
            checkHours(errors, "dateOverrides[" + i + "].hours", overrides.get(i).hours());
        }
        Set<Object> types = new HashSet<>();
        for (int i = 0; i < request.visitTypes().size(); i++) {
            AvailabilityRequest.VisitLength visit = request.visitTypes().get(i);
            onGrid(errors, "visitTypes[" + i + "].minutes", visit.minutes());
            if (!types.add(visit.type())) {
                errors.add(new FieldError("visitTypes[" + i + "].type", visit.type() + " is given twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void checkHours(List<FieldError> errors, String field, List<AvailabilityRequest.Hours> hours) {
        for (int i = 0; i < hours.size(); i++) {
            AvailabilityRequest.Hours stretch = hours.get(i);
            String at = field + "[" + i + "]";
            if (stretch.start().equals(stretch.end())) {
                errors.add(new FieldError(at, "start and end are equal; give the hours the doctor works"));
            }
            onGrid(errors, at + ".start", stretch.start());
            onGrid(errors, at + ".end", stretch.end());
        }
    }

    private static void onGrid(List<FieldError> errors, String field, Integer minutes) {
        if (minutes != null && minutes % 5 != 0) {
            errors.add(new FieldError(field, "must be a multiple of 5 minutes"));
        }
    }

    private static void onGrid(List<FieldError> errors, String field, LocalTime time) {
        if (time.getMinute() % 5 != 0 || time.getSecond() != 0 || time.getNano() != 0) {
            errors.add(new FieldError(field, "must fall on a 5-minute mark, like 09:00 or 09:05"));
        }
    }
}
