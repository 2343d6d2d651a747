package io.consulta.notes.domain;

import io.consulta.common.domain.WireNames;

import java.util.Locale;
import java.util.Optional;

/** Who a note is written for: {@code shared} with the patient and their doctors, or {@code private} to its author. */
public enum Visibility {
    SHARED, PRIVATE;

    public String wire() {
        return WireNames.of(this);
    }

    /** Forgiving of case and surrounding blanks, as a note's author may type it. */
    public static Optional<Visibility> parse(String raw) {
        return raw == null ? Optional.empty() : WireNames.parse(Visibility.class, raw.trim().toLowerCase(Locale.ROOT));
    }
}
