package io.consulta.notes.store;

import io.consulta.common.store.Documents;
import io.consulta.notes.domain.PrescriptionItem;
import io.consulta.notes.domain.PrescriptionStatus;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A prescription as stored. The names, licence number and date of birth are copied when it is issued: what was
 * prescribed to whom by whom does not change when a profile does later.
 */
public record StoredPrescription(String id, String patientId, String doctorId, List<PrescriptionItem> items,
                                 LocalDate validUntil, String note, PrescriptionStatus status, String statusReason,
                                 String code, Instant issuedAt, Instant statusChangedAt, Person doctor, Person patient) {

    static StoredPrescription from(Document d) {
        List<PrescriptionItem> items = d.getList("items", Document.class, List.of()).stream()
                .map(i -> new PrescriptionItem(i.getString("medication"), i.getString("strength"), i.getString("form"),
                        i.getString("dosageInstructions"), i.getInteger("quantity", 0), i.getInteger("refills", 0)))
                .toList();
        return new StoredPrescription(d.getString("_id"), d.getString("patientId"), d.getString("doctorId"), items,
                LocalDate.parse(d.getString("validUntil")), d.getString("note"),
                PrescriptionStatus.parse(d.getString("status")).orElseThrow(), d.getString("statusReason"),
                d.getString("code"), Documents.instant(d, "issuedAt"), Documents.instant(d, "statusChangedAt"),
                Person.from(d.get("doctor", Document.class), d.getString("doctorId")),
                Person.from(d.get("patient", Document.class), d.getString("patientId")));
    }

    static Document itemDocument(PrescriptionItem item) {
        return new Document("medication", item.medication()).append("strength", item.strength())
                .append("form", item.form()).append("dosageInstructions", item.dosageInstructions())
                .append("quantity", item.quantity()).append("refills", item.refills());
    }
}
