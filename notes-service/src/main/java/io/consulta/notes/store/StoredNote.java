package io.consulta.notes.store;

import io.consulta.common.store.Documents;
import io.consulta.notes.domain.NoteContent;
import io.consulta.notes.domain.Visibility;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * A journal note as stored: its current content, who may read it ({@code audience}), its version, and the lower-case
 * text a search is matched against.
 */
public record StoredNote(String id, String patientId, String authorId, String authorRole, NoteContent content,
                         Visibility visibility, String audience, String inReplyTo, long version, Instant createdAt,
                         Instant updatedAt, boolean deleted, String searchText) {

    static StoredNote from(Document d) {
        NoteContent content = new NoteContent(d.getString("title"), d.getString("body"),
                d.getList("tags", String.class, List.of()), d.getList("mediaIds", String.class, List.of()));
        String searchText = d.getString("searchText");
        return new StoredNote(d.getString("_id"), d.getString("patientId"), d.getString("authorId"),
                d.getString("authorRole"), content,
                Visibility.parse(d.getString("visibility")).orElse(Visibility.PRIVATE), d.getString("audience"),
                d.getString("inReplyTo"), Documents.longValue(d, "version"), Documents.instant(d, "createdAt"),
                Documents.instant(d, "updatedAt"), Boolean.TRUE.equals(d.getBoolean("deleted")),
                searchText != null ? searchText : content.searchText());
    }
}
