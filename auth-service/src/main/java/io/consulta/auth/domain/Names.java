package io.consulta.auth.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation for searching and splitting names, shared by storage and queries so both agree. */
public final class Names {

    private Names() {
    }

    public static String searchable(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    /** A case-insensitive "contains" pattern for user input, with every regex metacharacter neutralised. */
    public static String containsPattern(String userInput) {
        return Pattern.quote(searchable(userInput));
    }

    public static String firstName(String fullName) {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    public static String lastName(String fullName) {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1).trim();
    }
}
