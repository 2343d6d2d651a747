package io.consulta.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Turns a doctor's availability into bookable start times. Working hours are resolved day by day on the doctor's wall
 * clock (so 09:00 stays 09:00 across a daylight-saving change; hours that fall into a spring-forward gap start when
 * the clock resumes), overlapping or touching hours are merged, and slots step through them every slot interval.
 * A slot is free when the visit plus its buffers overlaps no other visit's occupancy, the visit overlaps no time off,
 * and it starts after the minimum notice and within the booking horizon.
 */
public final class SlotGenerator {

    private SlotGenerator() {
    }

    /**
     * @param busy    other visits and holds, as occupancy (visit plus buffers), in any order
     * @param timeOff the doctor's time off, in any order
     */
    public static List<Slot> freeSlots(Availability availability, Duration visitLength, TimeRange window, Instant now,
                                       List<TimeRange> busy, List<TimeRange> timeOff) {
        Instant earliest = max(window.start(), now.plus(availability.minimumNotice()));
        Instant latest = min(window.end(), now.plus(availability.horizon()));
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        Overlaps busyCheck = new Overlaps(busy);
        Overlaps timeOffCheck = new Overlaps(timeOff);
        List<Slot> slots = new ArrayList<>();
        for (TimeRange open : openingHours(availability, earliest, latest.plus(visitLength))) {
            for (Instant start = open.start(); !start.plus(visitLength).isAfter(open.end());
                 start = start.plus(availability.slotInterval())) {
                if (start.isBefore(earliest)) {
                    continue;
                }
                if (!start.isBefore(latest)) {
                    break;
                }
                TimeRange visit = new TimeRange(start, start.plus(visitLength));
                if (!busyCheck.anyOverlap(availability.occupancy(visit)) && !timeOffCheck.anyOverlap(visit)) {
                    slots.add(new Slot(start, visit.end(), start.atZone(availability.zone()).toOffsetDateTime()));
                }
            }
        }
        return slots;
    }

    /** Whether a visit of this length may be booked at exactly {@code start}. */
    public static boolean isFree(Availability availability, Duration visitLength, Instant start, Instant now,
                                 List<TimeRange> busy, List<TimeRange> timeOff) {
        List<Slot> candidates = freeSlots(availability, visitLength, new TimeRange(start, start.plusSeconds(1)), now,
                busy, timeOff);
        return !candidates.isEmpty() && candidates.getFirst().start().equals(start);
    }

    /** The doctor's working hours between two instants as merged, ordered UTC ranges. */
    static List<TimeRange> openingHours(Availability availability, Instant from, Instant to) {
        LocalDate first = from.atZone(availability.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(availability.zone()).toLocalDate();
        List<TimeRange> ranges = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (WorkingHours hours : availability.hoursOn(date)) {
                Instant open = ZonedDateTime.of(date, hours.start(), availability.zone()).toInstant();
                LocalDate closingDate = hours.crossesMidnight() ? date.plusDays(1) : date;
                Instant close = ZonedDateTime.of(closingDate, hours.end(), availability.zone()).toInstant();
                if (close.isAfter(open) && close.isAfter(from) && open.isBefore(to)) {
                    ranges.add(new TimeRange(open, close));
                }
            }
        }
        return merge(ranges);
    }

    private static List<TimeRange> merge(List<TimeRange> ranges) {
        ranges.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : ranges) {
            if (!merged.isEmpty() && !range.start().isAfter(merged.getLast().end())) {
                TimeRange last = merged.removeLast();
                merged.add(new TimeRange(last.start(), max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Answers "does anything overlap this range?" for ranges asked in ascending order, in O(log n) each: ranges that
     * started before the asked range ends wait in a heap ordered by their end, and those that ended are dropped.
     */
    private static final class Overlaps {

        private final List<TimeRange> byStart;
        private final PriorityQueue<TimeRange> started = new PriorityQueue<>(Comparator.comparing(TimeRange::end));
        private int next;

        Overlaps(List<TimeRange> ranges) {
            this.byStart = new ArrayList<>(ranges);
            this.byStart.sort(Comparator.comparing(TimeRange::start));
        }

        boolean anyOverlap(TimeRange asked) {
            while (next < byStart.size() && byStart.get(next).start().isBefore(asked.end())) {
                started.add(byStart.get(next++));
            }
            while (!started.isEmpty() && !started.peek().end().isAfter(asked.start())) {
                started.poll();
            }
            return !started.isEmpty();
        }
    }
}
