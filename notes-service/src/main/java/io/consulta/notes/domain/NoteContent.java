package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The editable part of a note, checked and normalised: a trimmed title, the Markdown body as written, tags in lower
 * case without duplicates, distinct media ids. Every broken rule is reported at once.
 */
public record NoteContent(String title, String body, List<String> tags, List<String> mediaIds) {

    public NoteContent {
        tags = List.copyOf(tags);
        mediaIds = List.copyOf(mediaIds);
    }

    public static NoteContent of(String title, String body, List<String> tags, List<String> mediaIds) {
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        } else if (cleanTitle.length() > NoteLimits.MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + NoteLimits.MAX_TITLE + " characters"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "is required"));
        } else if (body.length() > NoteLimits.MAX_BODY) {
            errors.add(new FieldError("body", "must be at most " + NoteLimits.MAX_BODY + " characters"));
        }
        List<String> cleanTags = tags(tags, errors);
        List<String> cleanMedia = mediaIds(mediaIds, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new NoteContent(cleanTitle, body, cleanTags, cleanMedia);
    }

    private static List<String> tags(List<String> tags, List<FieldError> errors) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > NoteLimits.MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + NoteLimits.MAX_TAGS + " tags"));
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > NoteLimits.MAX_TAG_LENGTH) {
                errors.add(new FieldError("tags[" + i + "]", "must be 1 to " + NoteLimits.MAX_TAG_LENGTH + " characters"));
            } else {
                clean.add(tag);
            }
        }
        return List.copyOf(clean);
    }

    private static List<String> mediaIds(List<String> mediaIds, List<FieldError> errors) {
        if (mediaIds == null) {
            return List.of();
        }
        if (mediaIds.size() > NoteLimits.MAX_MEDIA) {
            errors.add(new FieldError("mediaIds", "at most " + NoteLimits.MAX_MEDIA + " photos per note"));
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < mediaIds.size(); i++) {
            String id = mediaIds.get(i) == null ? "" : mediaIds.get(i).strip();
            if (id.isEmpty() || id.length() > NoteLimits.MAX_ID_LENGTH) {
                errors.add(new FieldError("mediaIds[" + i + "]", "must be a media id"));
            } else {
                clean.add(id);
            }
        }
        return List.copyOf(clean);
    }

    /** Lower-case text that {@code q} is matched against: title and body. */
    public String searchText() {
        return (title + "\n" + body).toLowerCase(Locale.ROOT);
    }
}
