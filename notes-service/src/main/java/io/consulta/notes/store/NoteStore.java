package io.consulta.notes.store;

import io.consulta.common.store.ServiceDatabase;
import io.consulta.common.store.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.notes.domain.Audience;
import io.consulta.notes.domain.NoteContent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Journal notes, one document each with its outbox, and the texts that edits replaced ({@code note_revisions}, one
 * document per replaced version). An edit stores the replaced version first, then moves the note on only if it still
 * has the version the editor read: a failed or lost race leaves a revision document that is exactly what that version
 * held, and revisions are listed only below the note's current version.
 */
@ApplicationScoped
public class NoteStore {

    private final MongoCollection<Document> notes;
    private final MongoCollection<Document> revisions;
    private final JournalCache journals;

    public NoteStore(ServiceDatabase database, JournalCacheSettings cacheSettings) {
        this.notes = database.collection("notes");
        this.revisions = database.collection("note_revisions");
        this.journals = new JournalCache(new JournalCache.Source() {
            @Override
            public List<StoredNote> journal(String patientId) {
                return read(Filters.and(Filters.eq("patientId", patientId), Filters.eq("deleted", false)));
            }

            @Override
            public List<StoredNote> changedSince(String patientId, Instant since) {
                return read(Filters.and(Filters.eq("patientId", patientId), Filters.gte("updatedAt", Date.from(since))));
            }
        }, cacheSettings);
    }

    void createIndexes(@Observes StartupEvent event) {
        notes.createIndex(Indexes.ascending("patientId", "deleted", "createdAt"), new IndexOptions().name("journal"));
        notes.createIndex(Indexes.ascending("patientId", "updatedAt"), new IndexOptions().name("journal_changes"));
        revisions.createIndex(Indexes.ascending("noteId", "version"), new IndexOptions().name("by_note"));
    }

    public StoredNote insert(String id, String patientId, String authorId, String authorRole, NoteContent content,
                             String visibility, String audience, String inReplyTo, Instant now,
                             List<OutboxEntry> events) {
        Document d = new Document("_id", id).append("patientId", patientId).append("authorId", authorId)
                .append("authorRole", authorRole).append("visibility", visibility).append("audience", audience)
                .append("inReplyTo", inReplyTo).append("version", 1L).append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now)).append("deleted", false)
                .append(Outbox.FIELD, events.stream().map(OutboxEntry::toDocument).toList());
        contentFields(content).forEach(d::append);
        notes.insertOne(d);
        StoredNote note = StoredNote.from(d);
        journals.written(note);
        return note;
    }

    public Optional<StoredNote> find(String id) {
        return Optional.ofNullable(notes.find(Filters.eq("_id", id)).first()).map(StoredNote::from);
    }

    /** Notes in the patient's journal that are not deleted, whoever may read them. */
    public int size(String patientId) {
        return journals.notesOf(patientId).size();
    }

    /** A page of the journal as one reader sees it, from the journal cache (see {@link JournalCache}). */
    public List<StoredNote> page(NoteQuery query) {
        List<StoredNote> page = new ArrayList<>(query.limit());
        for (StoredNote note : journals.notesOf(query.patientId())) {
            if (page.size() == query.limit()) {
                break;
            }
            if (isAfterCursor(note, query) && Audience.includes(note.audience(), query.readerId())
                    && (query.tag() == null || note.content().tags().contains(query.tag()))
                    && (query.authorId() == null || query.authorId().equals(note.authorId()))
                    && (query.words().isEmpty() || query.words().matches(note.searchText()))) {
                page.add(note);
            }
        }
        return page;
    }

    private static boolean isAfterCursor(StoredNote note, NoteQuery query) {
        if (query.beforeCreatedAt() == null) {
            return true;
        }
        int byTime = note.createdAt().compareTo(query.beforeCreatedAt());
        return byTime < 0 || byTime == 0 && note.id().compareTo(query.beforeId()) < 0;
    }

    private List<StoredNote> read(Bson filter) {
        List<StoredNote> found = new ArrayList<>();
        notes.find(filter).projection(Projections.exclude(Outbox.FIELD)).forEach(d -> found.add(StoredNote.from(d)));
        return found;
    }

    /** Keeps the text of {@code current}'s version before an edit replaces it (idempotent per version). */
    public void keepRevision(StoredNote current, String writtenBy) {
        Document revision = new Document("noteId", current.id()).append("version", current.version())
                .append("writtenBy", writtenBy)
                .append("writtenAt", Date.from(current.updatedAt() == null ? current.createdAt() : current.updatedAt()));
        contentFields(current.content()).forEach(revision::append);
        revision.remove("searchText");
        revisions.updateOne(Filters.eq("_id", current.id() + ":" + current.version()),
                new Document("$setOnInsert", revision), new UpdateOptions().upsert(true));
    }

    /** Replaces the content if the note is still at {@code expectedVersion} and not deleted; empty otherwise. */
    public Optional<StoredNote> replace(String id, long expectedVersion, NoteContent content, Instant now,
                                       OutboxEntry event) {
        List<Bson> sets = new ArrayList<>();
        contentFields(content).forEach((field, value) -> sets.add(Updates.set(field, value)));
        sets.add(Updates.set("updatedAt", Date.from(now)));
        sets.add(Updates.inc("version", 1L));
        sets.add(Updates.push(Outbox.FIELD, event.toDocument()));
        Document updated = notes.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion), Filters.eq("deleted", false)),
                Updates.combine(sets), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Optional<StoredNote> note = Optional.ofNullable(updated).map(StoredNote::from);
        note.ifPresent(journals::written);
        return note;
    }

    /** Hides the note from lists and reads; its text and revisions stay. False if it was already deleted. */
    public boolean softDelete(String id, String deletedBy, Instant now) {
        Document deleted = notes.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("deleted", false)),
                Updates.combine(Updates.set("deleted", true), Updates.set("deletedAt", Date.from(now)),
                        Updates.set("updatedAt", Date.from(now)), Updates.set("deletedBy", deletedBy),
                        Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (deleted == null) {
            return false;
        }
        journals.written(StoredNote.from(deleted));
        return true;
    }

    /** The texts edits replaced, oldest first, below the note's current version. */
    public List<NoteRevision> revisions(String noteId, long currentVersion) {
        List<NoteRevision> out = new ArrayList<>();
        revisions.find(Filters.and(Filters.eq("noteId", noteId), Filters.lt("version", currentVersion)))
                .sort(Sorts.ascending("version"))
                .forEach(d -> out.add(new NoteRevision(noteId, Documents.longValue(d, "version"),
                        new NoteContent(d.getString("title"), d.getString("body"),
                                d.getList("tags", String.class, List.of()), d.getList("mediaIds", String.class, List.of())),
                        d.getString("writtenBy"), Documents.instant(d, "writtenAt"))));
        return out;
    }

    private static Document contentFields(NoteContent content) {
        return new Document("title", content.title()).append("body", content.body()).append("tags", content.tags())
                .append("mediaIds", content.mediaIds()).append("searchText", content.searchText());
    }
}
