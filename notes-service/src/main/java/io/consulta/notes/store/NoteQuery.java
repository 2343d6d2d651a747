package io.consulta.notes.store;

import io.consulta.notes.domain.SearchWords;

import java.time.Instant;

/** One page of a patient's journal as one reader may see it, newest first, after the cursor's note if any. */
public record NoteQuery(String patientId, String readerId, String tag, String authorId, SearchWords words,
                        Instant beforeCreatedAt, String beforeId, int limit) {
}
