package io.consulta.notes.store;

import io.consulta.notes.domain.NoteContent;
import io.consulta.notes.domain.Visibility;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** A journal note as stored: its current content, who may read it ({@code audience}) and its version. */
public record StoredNote(String id, String patientId, String authorId, String authorRole, NoteContent content,
                         Visibility visibility, String audience, String inReplyTo, long version, Instant createdAt,
                         Instant updatedAt, boolean deleted) {

    static StoredNote from(Document d) {
        return new StoredNote(d.getString("_id"), d.getString("patientId"), d.getString("authorId"),
                d.getString("authorRole"),
                new NoteContent(d.getString("title"), d.getString("body"), d.getList("tags", String.class, List.of()),
                        d.getList("mediaIds", String.class, List.of())),
                Visibility.parse(d.getString("visibility")).orElse(Visibility.PRIVATE), d.getString("audience"),
                d.getString("inReplyTo"), Collections.longValue(d, "version"), Collections.instant(d, "createdAt"),
                Collections.instant(d, "updatedAt"), Boolean.TRUE.equals(d.getBoolean("deleted")));
    }
}
