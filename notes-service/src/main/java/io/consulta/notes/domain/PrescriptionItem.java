package io.consulta.notes.domain;

/**
 * One medication of a prescription, in the shape of a FHIR MedicationRequest's medication, dosage instruction and
 * dispense request: what, how strong, in which form, how to take it, how many units and how many refills.
 */
public record PrescriptionItem(String medication, String strength, String form, String dosageInstructions,
                               int quantity, int refills) {
}
