package io.consulta.notes.service;

import io.consulta.common.contracts.NoteEvents;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.events.Outbox;
import io.consulta.common.paging.Cursor;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.common.store.AuditLog;
import io.consulta.common.store.DuplicateKey;
import com.mongodb.MongoException;
import io.consulta.notes.domain.JournalAccess;
import io.consulta.notes.domain.PrescriptionDraft;
import io.consulta.notes.domain.PrescriptionStatus;
import io.consulta.notes.domain.VerificationCode;
import io.consulta.notes.store.People;
import io.consulta.notes.store.Person;
import io.consulta.notes.store.PrescriptionStore;
import io.consulta.notes.store.StoredPrescription;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * Prescriptions: issued by a doctor in a care relationship with the patient, read by the patient and their doctors,
 * cancelled by the issuing doctor only. Dates are calendar days in UTC.
 */
@RequestScoped
@RequiredArgsConstructor
public class PrescriptionService {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;
    public static final int MAX_REASON = 500;

    private final Readers readers;
    private final PrescriptionStore prescriptions;
    private final People people;
    private final Outbox outbox;
    private final AuditLog audit;
    private final CheckSettings check;
    private final RecordLimits limits;

    public StoredPrescription issue(String patientId, PrescriptionInput input) {
        JournalAccess access = readers.require(patientId, "Patient");
        if (access != JournalAccess.CARE_RELATIONSHIP) {
            throw new ForbiddenException("Only a doctor with an appointment with the patient may issue a prescription");
        }
        PrescriptionDraft draft = PrescriptionDraft.of(input.items(), input.validUntil(), input.note(), today());
        if (prescriptions.countActive(patientId) >= limits.activePrescriptions()) {
            throw new ConflictException("A patient has at most " + limits.activePrescriptions()
                    + " active prescriptions; cancel some first");
        }
        String doctorId = readers.me();
        Person doctor = people.find(doctorId);
        Person patient = people.find(patientId);
        String id = new ObjectId().toHexString();
        var event = outbox.event(NoteEvents.TOPIC, NoteEvents.PRESCRIPTION_ISSUED, id,
                new NoteEvents.PrescriptionIssued(id, patientId, doctorId));
        for (int attempt = 0; ; attempt++) {
            try {
                StoredPrescription issued = prescriptions.insert(id, patientId, doctorId, draft,
                        VerificationCode.random().value(), doctor, patient, Instant.now(), event);
                outbox.flush(id);
                return issued;
            } catch (MongoException e) {
                // two codes of 100 random bits colliding: draw again
                if (!DuplicateKey.is(e) || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    public Page<StoredPrescription> list(String patientId, String limit, String cursor) {
        int size = Limit.parse(limit, DEFAULT_PAGE, MAX_PAGE);
        List<String> after = Cursor.decode(cursor, 2);
        Instant beforeAt = after == null ? null
                : Cursor.decode(cursor, 2, parts -> Instant.ofEpochMilli(Long.parseLong(parts.get(0))));
        JournalAccess access = readers.require(patientId, "Patient");
        List<StoredPrescription> found = prescriptions.page(patientId, beforeAt, after == null ? null : after.get(1),
                size + 1);
        List<StoredPrescription> shown = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? Cursor.encode(Long.toString(shown.getLast().issuedAt().toEpochMilli()),
                shown.getLast().id()) : null;
        audit.record(readers.me(), "read prescriptions", patientId, Map.of("why", access.why(),
                "prescriptionIds", shown.stream().map(StoredPrescription::id).toList()));
        return new Page<>(List.copyOf(shown), next);
    }

    public StoredPrescription read(String id) {
        return readAudited(id, "read prescription");
    }

    public byte[] pdf(String id) {
        StoredPrescription p = readAudited(id, "downloaded prescription PDF");
        // what was on record at issue; a field the identity events had not brought by then is read now
        Person doctor = p.doctor().orElse(() -> people.find(p.doctorId()));
        Person patient = p.patient().orElse(() -> people.find(p.patientId()));
        return PrescriptionPdf.render(new PrescriptionSheet(p.id(), p.status().wire(),
                orPlaceholder(doctor.name()), orPlaceholder(doctor.licenceNumber()),
                orPlaceholder(patient.name()), patient.dateOfBirth(),
                p.issuedAt().atZone(ZoneOffset.UTC).toLocalDate(), p.items(), p.validUntil(), p.note(),
                new VerificationCode(p.code()).display(), check.publicUrl() + p.code()));
    }

    public StoredPrescription cancel(String id, String reason, boolean enteredInError) {
        StoredPrescription p = visible(id).prescription();
        if (!p.doctorId().equals(readers.me())) {
            throw new ForbiddenException("Only the doctor who issued a prescription may cancel it");
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty() || cleanReason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is required, at most " + MAX_REASON + " characters");
        }
        PrescriptionStatus next = enteredInError ? PrescriptionStatus.ENTERED_IN_ERROR : PrescriptionStatus.CANCELLED;
        if (!p.status().canBecome(next)) {
            throw new ConflictException("The prescription is " + p.status().wire() + " and can no longer be cancelled");
        }
        var event = outbox.event(NoteEvents.TOPIC, NoteEvents.PRESCRIPTION_CANCELLED, id,
                new NoteEvents.PrescriptionCancelled(id, p.patientId(), p.doctorId(), next.wire()));
        StoredPrescription cancelled = prescriptions.leaveActive(id, next, cleanReason, Instant.now(), event)
                .orElseThrow(() -> new ConflictException("The prescription is no longer active"));
        outbox.flush(id);
        return cancelled;
    }

    private record Visible(StoredPrescription prescription, JournalAccess access) {
    }

    private StoredPrescription readAudited(String id, String action) {
        Visible visible = visible(id);
        audit.record(readers.me(), action, id, Map.of("why", visible.access().why(), "patientId",
                visible.prescription().patientId()));
        return visible.prescription();
    }

    /** The prescription if the caller is its patient or one of the patient's doctors; 404 for anyone else. */
    private Visible visible(String id) {
        StoredPrescription p = prescriptions.find(id).orElseThrow(() -> new NotFoundException("Prescription", id));
        JournalAccess access = readers.accessTo(p.patientId());
        if (!access.granted()) {
            throw new NotFoundException("Prescription", id);
        }
        return new Visible(p, access);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String orPlaceholder(String value) {
        return value == null || value.isBlank() ? "(not on record)" : value;
    }
}
