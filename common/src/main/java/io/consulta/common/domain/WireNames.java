package io.consulta.common.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How an enum value is written outside the code (JSON, query parameters, events, stored documents): its constant's
 * name in lower case with hyphens, {@code ENTERED_IN_ERROR} as {@code entered-in-error}. One rule, so an enum needs no
 * field of its own to say it and every service reads back what another wrote.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of {@code type} written exactly as {@code raw}; empty for anything else, {@code null} included. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(raw)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
