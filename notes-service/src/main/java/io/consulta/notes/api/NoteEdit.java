package io.consulta.notes.api;

import java.util.List;

/** The new text of a note (sent with If-Match: the ETag read). Visibility and the note answered do not change. */
public record NoteEdit(String title, String body, List<String> tags, List<String> mediaIds) {
}
