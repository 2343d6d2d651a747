package io.consulta.notes.api;

import io.consulta.notes.domain.PrescriptionDraft;
import io.consulta.notes.service.PrescriptionInput;

import java.time.LocalDate;
import java.util.List;

/** A prescription: 1–20 items, the last day it may be dispensed (ISO date, at most a year ahead), a note. */
public record NewPrescription(List<PrescriptionDraft.ItemInput> items, LocalDate validUntil, String note) {

    PrescriptionInput input() {
        return new PrescriptionInput(items, validUntil, note);
    }
}
