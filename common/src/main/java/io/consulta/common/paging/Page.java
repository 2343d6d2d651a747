package io.consulta.common.paging;

import java.util.List;

/** One page of results, the one list shape of every service; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
