package io.consulta.notes.api;

import io.consulta.notes.service.NoteInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new journal note. Limits: title ≤ 200, body ≤ 20,000 characters of Markdown, ≤ 10 tags, ≤ 10 media ids. */
public record NewNote(
        String title,
        @Schema(description = "Markdown") String body,
        List<String> tags,
        @Schema(description = "Uploads (media-service) in this patient's record") List<String> mediaIds,
        @Schema(enumeration = {"shared", "private"}) String visibility,
        @Schema(description = "The note this one answers; a reply is visible to whoever sees that note") String inReplyTo) {

    NoteInput input() {
        return new NoteInput(title, body, tags, mediaIds, visibility, inReplyTo);
    }
}
