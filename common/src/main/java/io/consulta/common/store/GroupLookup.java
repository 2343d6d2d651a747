package io.consulta.common.store;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads by key in batches, without blocking the caller: the keys asked for while a read is on its way go together in
 * the next one ({@code {_id: {$in: [...]}}} is one index walk), so a value every request needs costs the database and
 * the driver one query per batch rather than one per request.
 */
public final class GroupLookup<K, V> implements AutoCloseable {

    private final Function<Set<K>, Map<K, V>> readAll;
    private final GroupWorker<K, V> worker;

    /** {@code readAll}: the values stored under the keys it is given; a key with none is left out. */
    public GroupLookup(String readerName, Function<Set<K>, Map<K, V>> readAll) {
        this.readAll = readAll;
        this.worker = new GroupWorker<>(readerName, this::read);
    }

    /**
     * The value stored under {@code key}, null when there is none; fails with what the read threw, or at once when
     * {@value GroupWorker#MAX_QUEUED} keys wait already.
     */
    public CompletableFuture<V> lookup(K key) {
        return worker.submit(key, Duration.ZERO);
    }

    private void read(List<GroupWorker.Request<K, V>> batch) {
        Set<K> keys = new LinkedHashSet<>();
        batch.forEach(request -> keys.add(request.input()));
        Map<K, V> found = readAll.apply(keys);
        batch.forEach(request -> request.done().complete(found.get(request.input())));
    }

    /** Answers the keys that wait, then stops; later lookups fail. */
    @Override
    public void close() {
        worker.close();
    }
}
