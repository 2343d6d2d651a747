package io.consulta.notes.service;

import io.consulta.common.contracts.NoteEvents;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.domain.StaleVersionException;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.paging.Cursor;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.common.store.AuditLog;
import io.consulta.notes.domain.Audience;
import io.consulta.notes.domain.JournalAccess;
import io.consulta.notes.domain.NoteContent;
import io.consulta.notes.domain.NoteLimits;
import io.consulta.notes.domain.SearchWords;
import io.consulta.notes.domain.Visibility;
import io.consulta.notes.store.MediaCatalog;
import io.consulta.notes.store.NoteQuery;
import io.consulta.notes.store.NoteRevision;
import io.consulta.notes.store.NoteStore;
import io.consulta.notes.store.StoredNote;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * The shared journal's use cases. Every note carries its audience, so a listing is one query; who may open the
 * journal at all (the patient, a doctor with an appointment that is not cancelled) is asked first, and every read of
 * note text is audited with the reason it was allowed.
 */
@RequestScoped
@RequiredArgsConstructor
public class JournalService {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    private final Readers readers;
    private final NoteStore notes;
    private final MediaCatalog media;
    private final Outbox outbox;
    private final AuditLog audit;
    private final RecordLimits limits;

    public StoredNote write(String patientId, NoteInput input) {
        JournalAccess access = readers.require(patientId, "Journal");
        String me = readers.me();
        Visibility visibility = Visibility.parse(input.visibility()).orElseThrow(() ->
                new InvalidInputException("visibility", "must be shared or private"));
        NoteContent content = NoteContent.of(input.title(), input.body(), input.tags(), input.mediaIds());
        String answeredAudience = null;
        String doctorConcerned = access == JournalAccess.CARE_RELATIONSHIP ? me : null;
        if (input.inReplyTo() != null) {
            StoredNote answered = notes.find(input.inReplyTo())
                    .filter(n -> n.patientId().equals(patientId) && !n.deleted() && Audience.includes(n.audience(), me))
                    .orElseThrow(() -> InvalidInputException.unprocessable("inReplyTo",
                            "must be a note of this journal that you can read"));
            answeredAudience = answered.audience();
            if (doctorConcerned == null && "doctor".equals(answered.authorRole())) {
                doctorConcerned = answered.authorId();
            }
        }
        requireAttachable(patientId, content);
        if (notes.size(patientId) >= limits.notesPerJournal()) {
            throw new ConflictException("A journal holds at most " + limits.notesPerJournal()
                    + " notes; delete some first");
        }
        String audience = Audience.of(visibility, me, answeredAudience);
        // ObjectIds grow in creation order within a process: notes written in the same millisecond still list newest first
        String id = new ObjectId().toHexString();
        List<OutboxEntry> events = new ArrayList<>();
        if (Audience.SHARED.equals(audience)) {
            events.add(outbox.event(NoteEvents.TOPIC, NoteEvents.NOTE_SHARED, id,
                    new NoteEvents.NoteShared(id, patientId, me, doctorConcerned, input.inReplyTo())));
        }
        StoredNote note = notes.insert(id, patientId, me, access == JournalAccess.OWN_RECORD ? "patient" : "doctor",
                content, visibility.wire(), audience, input.inReplyTo(), Instant.now(), events);
        if (!events.isEmpty()) {
            outbox.flush(id);
        }
        return note;
    }

    public Page<StoredNote> list(String patientId, JournalFilter filter) {
        int limit = Limit.parse(filter.limit(), DEFAULT_PAGE, MAX_PAGE);
        SearchWords words = SearchWords.parse(filter.q());
        List<String> after = Cursor.decode(filter.cursor(), 2);
        Instant beforeAt = after == null ? null : Cursor.decode(filter.cursor(), 2,
                parts -> Instant.ofEpochMilli(Long.parseLong(parts.get(0))));
        JournalAccess access = readers.require(patientId, "Journal");
        String me = readers.me();
        String tag = filter.tag() == null || filter.tag().isBlank() ? null : filter.tag().strip().toLowerCase(Locale.ROOT);
        if (tag != null && tag.length() > NoteLimits.MAX_TAG_LENGTH) {
            throw new InvalidInputException("tag", "must be at most " + NoteLimits.MAX_TAG_LENGTH + " characters");
        }
        String author = filter.author() == null || filter.author().isBlank() ? null : filter.author().strip();
        if (author != null && author.length() > NoteLimits.MAX_ID_LENGTH) {
            throw new InvalidInputException("author", "must be a user id");
        }
        List<StoredNote> found = notes.page(new NoteQuery(patientId, me, tag, author, words, beforeAt,
                after == null ? null : after.get(1), limit + 1));
        List<StoredNote> shown = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? Cursor.encode(
                Long.toString(shown.getLast().createdAt().toEpochMilli()), shown.getLast().id()) : null;
        audit.record(me, "read journal", patientId, Map.of("why", access.why(), "notes", shown.size(),
                "noteIds", shown.stream().map(StoredNote::id).toList()));
        return new Page<>(List.copyOf(shown), next);
    }

    public StoredNote read(String noteId) {
        Visible visible = visible(noteId);
        audit.record(readers.me(), "read note", noteId, Map.of("why", visible.why(), "patientId",
                visible.note().patientId(), "version", visible.note().version()));
        return visible.note();
    }

    public List<NoteRevision> revisions(String noteId) {
        Visible visible = visible(noteId);
        List<NoteRevision> revisions = notes.revisions(noteId, visible.note().version());
        audit.record(readers.me(), "read note revisions", noteId, Map.of("why", visible.why(), "patientId",
                visible.note().patientId(), "revisions", revisions.size()));
        return revisions;
    }

    public StoredNote edit(String noteId, long expectedVersion, NoteContent content) {
        StoredNote current = ownNote(noteId, "edit");
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("The note changed since you read it (now version " + current.version()
                    + "); read it again and redo your edit");
        }
        if (current.version() > NoteLimits.MAX_REVISIONS) {
            throw new ConflictException("A note keeps at most " + NoteLimits.MAX_REVISIONS
                    + " revisions; write a new note instead");
        }
        requireAttachable(current.patientId(), content);
        notes.keepRevision(current, current.authorId());
        OutboxEntry event = outbox.event(NoteEvents.TOPIC, NoteEvents.NOTE_UPDATED, noteId,
                new NoteEvents.NoteUpdated(noteId, current.patientId(), current.authorId(), current.version() + 1));
        StoredNote updated = notes.replace(noteId, expectedVersion, content, Instant.now(), event)
                .orElseThrow(() -> new StaleVersionException("The note changed since you read it; read it again"));
        outbox.flush(noteId);
        return updated;
    }

    public void delete(String noteId) {
        ownNote(noteId, "delete");
        if (!notes.softDelete(noteId, readers.me(), Instant.now())) {
            throw new NotFoundException("Note", noteId);
        }
    }

    private record Visible(StoredNote note, String why) {
    }

    /**
     * The note if the caller may read it: its author, or a reader of the patient's journal it is addressed to.
     * Deleted notes and notes of other records are not found.
     */
    private Visible visible(String noteId) {
        StoredNote note = notes.find(noteId).filter(n -> !n.deleted())
                .orElseThrow(() -> new NotFoundException("Note", noteId));
        String me = readers.me();
        if (note.authorId().equals(me)) {
            return new Visible(note, "own note");
        }
        JournalAccess access = readers.accessTo(note.patientId());
        if (!access.granted() || !Audience.includes(note.audience(), me)) {
            throw new NotFoundException("Note", noteId);
        }
        return new Visible(note, access.why());
    }

    private StoredNote ownNote(String noteId, String action) {
        StoredNote note = visible(noteId).note();
        if (!note.authorId().equals(readers.me())) {
            throw new ForbiddenException("Only the author of a note may " + action + " it");
        }
        return note;
    }

    private void requireAttachable(String patientId, NoteContent content) {
        List<String> refused = media.notAttachable(patientId, content.mediaIds());
        if (!refused.isEmpty()) {
            int index = content.mediaIds().indexOf(refused.getFirst());
            throw InvalidInputException.unprocessable("mediaIds[" + index + "]",
                    "is not an upload in this patient's record");
        }
    }
}
