package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a journal search ({@code q}): a note matches when its title or body contains every word, ignoring case.
 * Bounded, because each word is a pattern the database evaluates against every note of the journal.
 */
public record SearchWords(List<String> words) {

    public static SearchWords parse(String q) {
        if (q == null || q.isBlank()) {
            return new SearchWords(List.of());
        }
        if (q.length() > NoteLimits.MAX_QUERY_LENGTH) {
            throw new InvalidInputException("q", "must be at most " + NoteLimits.MAX_QUERY_LENGTH + " characters");
        }
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+"))
                .filter(w -> !w.isEmpty()).distinct().toList();
        if (words.size() > NoteLimits.MAX_QUERY_WORDS) {
            throw new InvalidInputException("q", "at most " + NoteLimits.MAX_QUERY_WORDS + " words");
        }
        return new SearchWords(words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public boolean matches(String searchText) {
        return words.stream().allMatch(searchText::contains);
    }

    /** A word as a regular expression matching itself literally (no character of it is special). */
    public static String literalPattern(String word) {
        StringBuilder pattern = new StringBuilder();
        for (char c : word.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}
