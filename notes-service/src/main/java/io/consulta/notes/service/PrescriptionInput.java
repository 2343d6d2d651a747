package io.consulta.notes.service;

import io.consulta.notes.domain.PrescriptionDraft;

import java.time.LocalDate;
import java.util.List;

/** A new prescription as the doctor sent it, before any rule is checked. */
public record PrescriptionInput(List<PrescriptionDraft.ItemInput> items, LocalDate validUntil, String note) {
}
