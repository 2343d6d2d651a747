package io.consulta.notes.store;

import lombok.RequiredArgsConstructor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * The journals this replica read lately, newest note first, without deleted notes. A listing or a search then costs a
 * walk over a list in memory instead of a query per request: MongoDB answers a word search ({@code $regex}) with a scan
 * of the journal either way, and mongo-java-server (local stack) scans the whole collection for any query of this
 * shape. This replica's own writes are applied at once; other replicas' writes are read every {@code refreshEvery}
 * (notes whose {@code updatedAt} is at most {@link #OVERLAP} older than the previous look), and the whole journal
 * every {@code reloadEvery}. Bounded by journals and by characters; the least recently read journals go first.
 */
@RequiredArgsConstructor
final class JournalCache {

    /** Writes are stamped with the writer's clock before they commit: look back this far for late commits and skew. */
    static final Duration OVERLAP = Duration.ofSeconds(5);
    static final Comparator<StoredNote> NEWEST_FIRST = Comparator.comparing(StoredNote::createdAt)
            .thenComparing(StoredNote::id).reversed();

    /** The whole journal of a patient, and the notes of it that changed since an instant (deleted ones included). */
    interface Source {
        List<StoredNote> journal(String patientId);

        List<StoredNote> changedSince(String patientId, Instant since);
    }

    private final Source source;
    private final JournalCacheSettings settings;
    private final Map<String, Journal> journals = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    /** The patient's notes, newest first, not deleted: fresh from this replica, at most refreshEvery behind others. */
    List<StoredNote> notesOf(String patientId) {
        Journal journal = lookUp(patientId);
        long now = System.nanoTime();
        if (now >= journal.refreshAt && journal.lock.tryLock()) {
            try {
                if (now >= journal.reloadAt) {
                    Instant looked = Instant.now();
                    journal.replace(source.journal(patientId), looked, now, settings);
                } else if (now >= journal.refreshAt) {
                    Instant looked = Instant.now();
                    journal.apply(source.changedSince(patientId, journal.lookedAt.minus(OVERLAP)));
                    journal.lookedAt = looked;
                    journal.refreshAt = now + settings.refreshEvery().toNanos();
                }
            } finally {
                journal.lock.unlock();
            }
            account(patientId, journal);
        }
        return journal.notes;
    }

    /** A note this replica just wrote (or deleted): cached journals show it at once. */
    void written(StoredNote note) {
        Journal journal;
        synchronized (this) {
            journal = journals.get(note.patientId());
        }
        if (journal == null) {
            return;
        }
        journal.lock.lock();
        try {
            journal.apply(List.of(note));
        } finally {
            journal.lock.unlock();
        }
        account(note.patientId(), journal);
    }

    private Journal lookUp(String patientId) {
        synchronized (this) {
            Journal cached = journals.get(patientId);
            if (cached != null) {
                return cached;
            }
        }
        long now = System.nanoTime();
        Instant looked = Instant.now();
        Journal loaded = new Journal();
        loaded.replace(source.journal(patientId), looked, now, settings);
        synchronized (this) {
            Journal raced = journals.putIfAbsent(patientId, loaded);
            if (raced != null) {
                return raced;
            }
            loaded.accounted = loaded.chars;
            chars += loaded.chars;
            evict();
        }
        return loaded;
    }

    private synchronized void account(String patientId, Journal journal) {
        if (journals.get(patientId) == journal) {
            chars += journal.chars - journal.accounted;
            journal.accounted = journal.chars;
            evict();
        }
    }

    /** Least recently read first; the journal just read stays, even when it alone is over the budget. */
    private void evict() {
        var eldest = journals.entrySet().iterator();
        while ((journals.size() > settings.maxJournals() || chars > settings.maxChars()) && journals.size() > 1) {
            Journal dropped = eldest.next().getValue();
            eldest.remove();
            chars -= dropped.accounted;
        }
    }

    synchronized int size() {
        return journals.size();
    }

    /** One patient's cached notes; the list is replaced, never changed, so readers need no lock. */
    private static final class Journal {
        final ReentrantLock lock = new ReentrantLock();
        volatile List<StoredNote> notes = List.of();
        long chars;
        long accounted;
        Instant lookedAt;
        volatile long refreshAt;
        long reloadAt;

        void replace(List<StoredNote> all, Instant looked, long now, JournalCacheSettings settings) {
            List<StoredNote> sorted = new ArrayList<>(all.stream().filter(n -> !n.deleted()).toList());
            sorted.sort(NEWEST_FIRST);
            notes = List.copyOf(sorted);
            chars = sorted.stream().mapToLong(JournalCache::charsOf).sum();
            lookedAt = looked;
            refreshAt = now + settings.refreshEvery().toNanos();
            reloadAt = now + settings.reloadEvery().toNanos();
        }

        /** Upserts by id (a newer version wins), drops deleted notes, keeps the order. */
        void apply(List<StoredNote> changed) {
            if (changed.isEmpty()) {
                return;
            }
            Map<String, StoredNote> byId = new LinkedHashMap<>();
            notes.forEach(n -> byId.put(n.id(), n));
            for (StoredNote note : changed) {
                byId.merge(note.id(), note, NEWER);
                if (byId.get(note.id()).deleted()) {
                    byId.remove(note.id());
                }
            }
            List<StoredNote> sorted = new ArrayList<>(byId.values());
            sorted.sort(NEWEST_FIRST);
            notes = List.copyOf(sorted);
            chars = sorted.stream().mapToLong(JournalCache::charsOf).sum();
        }
    }

    private static final BiFunction<StoredNote, StoredNote, StoredNote> NEWER =
            (kept, incoming) -> incoming.version() >= kept.version() ? incoming : kept;

    static long charsOf(StoredNote note) {
        return 2L * (note.content().title().length() + note.content().body().length());
    }
}
