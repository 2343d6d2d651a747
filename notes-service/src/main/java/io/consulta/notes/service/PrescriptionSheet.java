package io.consulta.notes.service;

import io.consulta.notes.domain.PrescriptionItem;

import java.time.LocalDate;
import java.util.List;

/** Everything printed on a prescription's PDF; names fall back to a placeholder when identity events are missing. */
public record PrescriptionSheet(String prescriptionId, String status, String doctorName, String licenceNumber,
                                String patientName, LocalDate patientDateOfBirth, LocalDate issuedOn,
                                List<PrescriptionItem> items, LocalDate validUntil, String note, String code,
                                String checkUrl) {
}
