package io.consulta.notes.domain;

import java.util.Locale;
import java.util.Optional;

/** Who a note is written for: {@code shared} with the patient and their doctors, or {@code private} to its author. */
public enum Visibility {
    SHARED, PRIVATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (Visibility v : values()) {
            if (v.wire().equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
