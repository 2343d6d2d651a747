package io.consulta.chat.api;

import java.util.List;

/** One page of results; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
