package io.consulta.appointment.api;

import io.consulta.appointment.domain.Slot;
import io.consulta.appointment.domain.VisitType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record SlotsView(String doctorId, String timeZone, VisitType visitType, List<SlotView> slots) {

    /** Times as ISO-8601 text: UTC instants, and the start on the doctor's clock with its offset. */
    public record SlotView(@Schema(format = "date-time", example = "2026-03-30T08:00:00Z") String start,
                           @Schema(format = "date-time", example = "2026-03-30T08:30:00Z") String end,
                           @Schema(format = "date-time", example = "2026-03-30T09:00:00+01:00") String localStart) {

        static SlotView of(Slot slot) {
            return new SlotView(IsoTimes.utc(slot.start()), IsoTimes.utc(slot.end()), IsoTimes.local(slot.localStart()));
        }
    }
}
