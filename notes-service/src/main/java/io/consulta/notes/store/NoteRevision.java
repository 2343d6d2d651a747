package io.consulta.notes.store;

import io.consulta.notes.domain.NoteContent;

import java.time.Instant;

/** The content a note had at one version, kept when the next version replaced it. */
public record NoteRevision(String noteId, long version, NoteContent content, String writtenBy, Instant writtenAt) {
}
