package io.consulta.notes.api;

import io.consulta.notes.store.NoteRevision;

import java.time.Instant;
import java.util.List;

/** What a note said at {@code version}, before the next edit replaced it. */
public record RevisionView(long version, String title, String body, List<String> tags, List<String> mediaIds,
                           String writtenBy, Instant writtenAt) {

    static RevisionView of(NoteRevision r) {
        return new RevisionView(r.version(), r.content().title(), r.content().body(), r.content().tags(),
                r.content().mediaIds(), r.writtenBy(), r.writtenAt());
    }
}
