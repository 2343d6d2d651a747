package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The editable part of a note, checked and normalised: a trimmed title, the Markdown body as written, tags in lower
 * case without duplicates, distinct media ids. Every broken rule is reported at once.
 */
public record NoteContent(String title, String body, List<String> tags, List<String> mediaIds) {

    private static final ListRule TAGS = new ListRule("tags", NoteLimits.MAX_TAGS,
            "at most " + NoteLimits.MAX_TAGS + " tags", tag -> tag.strip().toLowerCase(Locale.ROOT),
            NoteLimits.MAX_TAG_LENGTH, "must be 1 to " + NoteLimits.MAX_TAG_LENGTH + " characters");
    private static final ListRule MEDIA_IDS = new ListRule("mediaIds", NoteLimits.MAX_MEDIA,
            "at most " + NoteLimits.MAX_MEDIA + " photos per note", String::strip, NoteLimits.MAX_ID_LENGTH,
            "must be a media id");

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
        List<String> cleanTags = TAGS.apply(tags, errors);
        List<String> cleanMedia = MEDIA_IDS.apply(mediaIds, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new NoteContent(cleanTitle, body, cleanTags, cleanMedia);
    }

    /** How a list field of a note is checked: how many items it may hold, and how each is cleaned and bounded. */
    private record ListRule(String field, int maxItems, String tooMany, UnaryOperator<String> clean, int maxLength,
                            String badItem) {

        /** The distinct clean items, in their first order; every broken rule is added to {@code errors}. */
        List<String> apply(List<String> items, List<FieldError> errors) {
            if (items == null) {
                return List.of();
            }
            if (items.size() > maxItems) {
                errors.add(new FieldError(field, tooMany));
                return List.of();
            }
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i) == null ? "" : clean.apply(items.get(i));
                if (item.isEmpty() || item.length() > maxLength) {
                    errors.add(new FieldError(field + "[" + i + "]", badItem));
                } else {
                    distinct.add(item);
                }
            }
            return List.copyOf(distinct);
        }
    }

    /** Lower-case text that {@code q} is matched against: title and body. */
    public String searchText() {
        return (title + "\n" + body).toLowerCase(Locale.ROOT);
    }
}
