package io.consulta.notes.service;

import java.time.LocalDate;
import java.util.List;

/** What the public check tells a pharmacist: never who the patient or the doctor is. */
public record CheckAnswer(String status, LocalDate issuedOn, LocalDate validUntil, List<String> medications) {
}
