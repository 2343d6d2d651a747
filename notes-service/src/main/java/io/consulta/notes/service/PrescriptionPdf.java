package io.consulta.notes.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.consulta.notes.domain.PrescriptionItem;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a prescription as an A4 PDF: prescriber with licence number, patient with date of birth, issue date, the
 * medications, validity, the verification code in print and as a QR code linking to the public check. Text is set in
 * the standard Helvetica faces (nothing to embed); characters they cannot show are printed as '?'.
 */
public final class PrescriptionPdf {

    private static final float MARGIN = 56;
    private static final float QR_SIZE = 110;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PrescriptionPdf() {
    }

    public static byte[] render(PrescriptionSheet sheet) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Prescription " + sheet.prescriptionId());
            document.getDocumentInformation().setCreator("Consulta notes-service");
            Writer out = new Writer(document);
            out.qrCode(sheet.checkUrl());
            out.line(BOLD, 20, "Prescription");
            if (!"active".equals(sheet.status())) {
                out.line(BOLD, 14, "Status: " + sheet.status().toUpperCase(Locale.ROOT)
                        + " - not to be dispensed");
            }
            out.gap();
            out.line(REGULAR, 11, "Date of issue: " + sheet.issuedOn());
            out.line(REGULAR, 11, "Prescriber: " + sheet.doctorName());
            out.line(REGULAR, 11, "Licence number: " + sheet.licenceNumber());
            out.line(REGULAR, 11, "Patient: " + sheet.patientName());
            out.line(REGULAR, 11, "Date of birth: "
                    + (sheet.patientDateOfBirth() == null ? "not recorded" : sheet.patientDateOfBirth()));
            out.gap();
            out.line(BOLD, 13, "Medications");
            int number = 1;
            for (PrescriptionItem item : sheet.items()) {
                out.paragraph(BOLD, 11, number++ + ". " + item.medication() + " " + item.strength() + ", " + item.form());
                out.paragraph(REGULAR, 11, "    " + item.dosageInstructions());
                out.paragraph(REGULAR, 11, "    Quantity: " + item.quantity() + "    Refills: " + item.refills());
            }
            out.gap();
            out.line(REGULAR, 11, "Valid until: " + sheet.validUntil());
            if (sheet.note() != null) {
                out.paragraph(REGULAR, 11, "Note: " + sheet.note());
            }
            out.gap();
            out.line(BOLD, 12, "Verification code: " + sheet.code());
            out.paragraph(REGULAR, 9, "Pharmacists: scan the QR code or check the code at " + sheet.checkUrl());
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the prescription PDF", e);
        }
    }

    /** Lines top to bottom, a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream content;
        private float y;
        private final float width;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            float height = size * 1.45f;
            if (y - height < MARGIN) {
                newPage();
            }
            y -= height;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable(font, text));
            content.endText();
        }

        void paragraph(PDType1Font font, float size, String text) throws IOException {
            for (String part : text.split("\\R")) {
                for (String line : wrap(font, size, printable(font, part))) {
                    line(font, size, line);
                }
            }
        }

        void gap() {
            y -= 8;
        }

        /** The QR code in the top right corner of the first page, drawn as vector squares. */
        void qrCode(String text) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q));
            } catch (WriterException e) {
                throw new IllegalArgumentException("The check address cannot be a QR code", e);
            }
            float module = QR_SIZE / matrix.getWidth();
            float left = PDRectangle.A4.getWidth() - MARGIN - QR_SIZE;
            float top = PDRectangle.A4.getHeight() - MARGIN;
            // One rectangle per run of dark modules: separate squares leave hairline seams when rasterised.
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.getWidth() && matrix.get(col, row)) {
                        col++;
                    }
                    content.addRect(left + start * module, top - (row + 1) * module, (col - start) * module, module);
                }
            }
            content.fill();
        }

        private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        void close() throws IOException {
            content.close();
        }
    }

    /** The text with every character the font cannot encode replaced by '?', and no control characters. */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
