package io.consulta.appointment.api;

import io.consulta.appointment.api.AvailabilityRequest.DateOverride;
import io.consulta.appointment.api.AvailabilityRequest.Hours;
import io.consulta.appointment.api.AvailabilityRequest.VisitLength;
import io.consulta.appointment.store.AvailabilityRecord;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public record AvailabilityView(String doctorId, String timeZone, Map<DayOfWeek, List<Hours>> weeklyHours,
                               List<DateOverride> dateOverrides, int slotMinutes, int bufferBeforeMinutes,
                               int bufferAfterMinutes, int minimumNoticeMinutes, int horizonDays,
                               int cancellationCutoffHours, List<VisitLength> visitTypes, long version,
                               Instant updatedAt) {

    static AvailabilityView of(AvailabilityRecord stored) {
        Map<DayOfWeek, List<Hours>> weekly = new EnumMap<>(DayOfWeek.class);
        stored.weeklyHours.forEach(hours -> weekly.computeIfAbsent(DayOfWeek.valueOf(hours.day), d -> new ArrayList<>())
                .add(hours(hours)));
        Map<LocalDate, List<Hours>> byDate = new TreeMap<>();
        stored.dateOverrides.forEach(hours -> {
            List<Hours> onDate = byDate.computeIfAbsent(LocalDate.parse(hours.date), d -> new ArrayList<>());
            if (hours.start != null) {
                onDate.add(hours(hours));
            }
        });
        List<DateOverride> overrides = byDate.entrySet().stream()
                .map(entry -> new DateOverride(entry.getKey(), entry.getValue())).toList();
        List<VisitLength> visits = stored.visitTypes.stream()
                .map(visit -> new VisitLength(visit.type, visit.minutes)).toList();
        return new AvailabilityView(stored.doctorId, stored.timeZone, weekly, overrides, stored.slotMinutes,
                stored.bufferBeforeMinutes, stored.bufferAfterMinutes, stored.minimumNoticeMinutes, stored.horizonDays,
                stored.cancellationCutoffHours, visits, stored.version, stored.updatedAt);
    }

    /** The record to store for a request; defaults for what the doctor left out. */
    static AvailabilityRecord toRecord(String doctorId, AvailabilityRequest request) {
        AvailabilityRecord stored = new AvailabilityRecord();
        stored.doctorId = doctorId;
        stored.timeZone = request.timeZone();
        request.weeklyHours().forEach((day, list) -> list.forEach(hours ->
                stored.weeklyHours.add(stored(day.name(), null, hours))));
        if (request.dateOverrides() != null) {
            for (DateOverride override : request.dateOverrides()) {
                if (override.hours().isEmpty()) {
                    stored.dateOverrides.add(stored(null, override.date().toString(), null));
                }
                override.hours().forEach(hours -> stored.dateOverrides.add(stored(null, override.date().toString(), hours)));
            }
        }
        stored.slotMinutes = request.slotMinutes();
        stored.bufferBeforeMinutes = orDefault(request.bufferBeforeMinutes(), 0);
        stored.bufferAfterMinutes = orDefault(request.bufferAfterMinutes(), 0);
        stored.minimumNoticeMinutes = orDefault(request.minimumNoticeMinutes(), 60);
        stored.horizonDays = orDefault(request.horizonDays(), 60);
        stored.cancellationCutoffHours = orDefault(request.cancellationCutoffHours(), 24);
        for (VisitLength visit : request.visitTypes()) {
            AvailabilityRecord.VisitLength length = new AvailabilityRecord.VisitLength();
            length.type = visit.type();
            length.minutes = visit.minutes();
            stored.visitTypes.add(length);
        }
        return stored;
    }

    private static AvailabilityRecord.Hours stored(String day, String date, Hours hours) {
        AvailabilityRecord.Hours stored = new AvailabilityRecord.Hours();
        stored.day = day;
        stored.date = date;
        if (hours != null) {
            stored.start = hours.start().toString();
            stored.end = hours.end().toString();
        }
        return stored;
    }

    private static Hours hours(AvailabilityRecord.Hours stored) {
        return new Hours(LocalTime.parse(stored.start), LocalTime.parse(stored.end));
    }

    private static int orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
