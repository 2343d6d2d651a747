package io.consulta.appointment.api;

import io.consulta.appointment.domain.Slot;
import io.consulta.appointment.domain.VisitType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Free slots, at most {@link #MAX_SLOTS} per answer; when there are more, {@code nextFrom} is the {@code from} of the
 * next page (null on the last).
 */
public record SlotsView(String doctorId, String timeZone, VisitType visitType, List<SlotView> slots,
                        @Schema(format = "date-time") String nextFrom) {

    public static final int MAX_SLOTS = 1000;

    static SlotsView of(String doctorId, String timeZone, VisitType type, List<Slot> free) {
        List<SlotView> page = free.stream().limit(MAX_SLOTS).map(SlotView::of).toList();
        String nextFrom = free.size() > MAX_SLOTS ? IsoTimes.utc(free.get(MAX_SLOTS).start()) : null;
        return new SlotsView(doctorId, timeZone, type, page, nextFrom);
    }

    /** Times as ISO-8601 text: UTC instants, and the start on the doctor's clock with its offset. */
    public record SlotView(@Schema(format = "date-time", example = "2026-03-30T08:00:00Z") String start,
                           @Schema(format = "date-time", example = "2026-03-30T08:30:00Z") String end,
                           @Schema(format = "date-time", example = "2026-03-30T09:00:00+01:00") String localStart) {

        static SlotView of(Slot slot) {
            return new SlotView(IsoTimes.utc(slot.start()), IsoTimes.utc(slot.end()), IsoTimes.local(slot.localStart()));
        }
    }
}
