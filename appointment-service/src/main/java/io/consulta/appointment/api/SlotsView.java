package io.consulta.appointment.api;

import io.consulta.appointment.domain.Slot;
import io.consulta.appointment.domain.VisitType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

public record SlotsView(String doctorId, String timeZone, VisitType visitType, List<SlotView> slots) {

    public record SlotView(Instant start, Instant end, OffsetDateTime localStart) {

        static SlotView of(Slot slot) {
            return new SlotView(slot.start(), slot.end(), slot.localStart());
        }
    }
}
