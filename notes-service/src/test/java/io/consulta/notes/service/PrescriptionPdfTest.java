package io.consulta.notes.service;

import io.consulta.notes.PdfReader;
import io.consulta.notes.domain.PrescriptionItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrescriptionPdfTest {

    private static PrescriptionSheet sheet(String status, String patientName, List<PrescriptionItem> items) {
        return new PrescriptionSheet("rx-1", status, "Dr Gregory House", "PT-12345", patientName,
                LocalDate.of(1990, 4, 12), LocalDate.of(2026, 11, 29), items, LocalDate.of(2026, 12, 29),
                "Take with food", "ABCD-EFGH-JKMN-PQRS-TVWX",
                "https://consulta.example/api/v1/prescription-checks/ABCDEFGHJKMNPQRSTVWX");
    }

    private static final PrescriptionItem AMOXICILLIN = new PrescriptionItem("Amoxicillin", "500 mg", "capsule",
            "One capsule three times a day for 7 days", 21, 0);

    @Test
    void printsWhoPrescribedWhatToWhomUntilWhenAndHowToCheckIt() {
        byte[] pdf = PrescriptionPdf.render(sheet("active", "Alice Doe", List.of(AMOXICILLIN,
                new PrescriptionItem("Ibuprofen", "400 mg", "tablet", "One tablet when needed, at most 3 a day", 20, 1))));
        String text = PdfReader.text(pdf);
        assertThat(text).contains("Prescription", "Date of issue: 2026-11-29", "Prescriber: Dr Gregory House",
                "Licence number: PT-12345", "Patient: Alice Doe", "Date of birth: 1990-04-12",
                "1. Amoxicillin 500 mg, capsule", "One capsule three times a day for 7 days",
                "Quantity: 21", "Refills: 0", "2. Ibuprofen 400 mg, tablet", "Refills: 1",
                "Valid until: 2026-12-29", "Note: Take with food", "Verification code: ABCD-EFGH-JKMN-PQRS-TVWX");
        assertThat(text).doesNotContain("CANCELLED");
        assertThat(PdfReader.qrCode(pdf))
                .isEqualTo("https://consulta.example/api/v1/prescription-checks/ABCDEFGHJKMNPQRSTVWX");
    }

    @Test
    void aCancelledPrescriptionSaysSoOnTop() {
        String text = PdfReader.text(PrescriptionPdf.render(sheet("cancelled", "Alice Doe", List.of(AMOXICILLIN))));
        assertThat(text).contains("Status: CANCELLED - not to be dispensed");
    }

    @Test
    void charactersTheFontCannotShowArePrintedAsQuestionMarks() {
        String text = PdfReader.text(PrescriptionPdf.render(sheet("active", "Zoë 李\u0007", List.of(AMOXICILLIN))));
        assertThat(text).contains("Patient: Zoë ? ");
    }

    @Test
    void aLongPrescriptionContinuesOnANewPage() {
        PrescriptionItem wordy = new PrescriptionItem("Paracetamol", "1 g", "tablet", "word ".repeat(190), 10, 0);
        byte[] pdf = PrescriptionPdf.render(sheet("active", "Alice Doe", Collections.nCopies(20, wordy)));
        assertThat(PdfReader.pages(pdf)).isGreaterThan(1);
        assertThat(PdfReader.text(pdf)).contains("20. Paracetamol 1 g, tablet", "Verification code:");
    }
}
