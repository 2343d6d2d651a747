package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a doctor writes on a prescription, checked: every broken rule is reported at once. */
public record PrescriptionDraft(List<PrescriptionItem> items, LocalDate validUntil, String note) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT = 100;
    public static final int MAX_INSTRUCTIONS = 1_000;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_REFILLS = 12;
    /** A prescription is valid for at most a year. */
    public static final int MAX_VALID_DAYS = 366;

    public PrescriptionDraft {
        items = List.copyOf(items);
    }

    /** One item as it arrives: numbers may be missing. */
    public record ItemInput(String medication, String strength, String form, String dosageInstructions,
                            Integer quantity, Integer refills) {
    }

    public static PrescriptionDraft of(List<ItemInput> items, LocalDate validUntil, String note, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<PrescriptionItem> clean = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            errors.add(new FieldError("items", "at least one medication is required"));
        } else if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "at most " + MAX_ITEMS + " medications per prescription"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                PrescriptionItem item = item(items.get(i), "items[" + i + "].", errors);
                if (item != null) {
                    clean.add(item);
                }
            }
        }
        if (validUntil == null) {
            errors.add(new FieldError("validUntil", "is required (an ISO date)"));
        } else if (validUntil.isBefore(today)) {
            errors.add(new FieldError("validUntil", "must not be in the past"));
        } else if (validUntil.isAfter(today.plusDays(MAX_VALID_DAYS))) {
            errors.add(new FieldError("validUntil", "must be within " + MAX_VALID_DAYS + " days"));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PrescriptionDraft(clean, validUntil, cleanNote);
    }

    private static PrescriptionItem item(ItemInput in, String at, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(at.substring(0, at.length() - 1), "is required"));
            return null;
        }
        int before = errors.size();
        String medication = text(in.medication(), at + "medication", MAX_NAME, true, errors);
        String strength = text(in.strength(), at + "strength", MAX_SHORT, true, errors);
        String form = text(in.form(), at + "form", MAX_SHORT, true, errors);
        String dosage = text(in.dosageInstructions(), at + "dosageInstructions", MAX_INSTRUCTIONS, true, errors);
        if (in.quantity() == null || in.quantity() < 1 || in.quantity() > MAX_QUANTITY) {
            errors.add(new FieldError(at + "quantity", "must be a whole number between 1 and " + MAX_QUANTITY));
        }
        if (in.refills() != null && (in.refills() < 0 || in.refills() > MAX_REFILLS)) {
            errors.add(new FieldError(at + "refills", "must be a whole number between 0 and " + MAX_REFILLS));
        }
        if (errors.size() > before) {
            return null;
        }
        return new PrescriptionItem(medication, strength, form, dosage, in.quantity(),
                in.refills() == null ? 0 : in.refills());
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (clean.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return clean;
    }
}
