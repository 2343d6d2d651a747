package io.consulta.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of results, the one list shape of every service; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item turned into what the API shows of it, e.g. {@code page.map(NoteView::of)}. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }
}
