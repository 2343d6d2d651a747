package io.consulta.notes.service;

import java.util.List;

/** A new note as the client sent it, before any rule is checked. */
public record NoteInput(String title, String body, List<String> tags, List<String> mediaIds, String visibility,
                        String inReplyTo) {
}
