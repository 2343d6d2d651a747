package io.consulta.notes.api;

import io.consulta.notes.store.StoredNote;

import java.time.Instant;
import java.util.List;

public record NoteView(String id, String patientId, String authorId, String authorRole, String title, String body,
                       List<String> tags, List<String> mediaIds, String visibility, String inReplyTo, long version,
                       Instant createdAt, Instant updatedAt) {

    static NoteView of(StoredNote n) {
        return new NoteView(n.id(), n.patientId(), n.authorId(), n.authorRole(), n.content().title(),
                n.content().body(), n.content().tags(), n.content().mediaIds(), n.visibility().wire(), n.inReplyTo(),
                n.version(), n.createdAt(), n.updatedAt());
    }
}
