package io.consulta.notes.store;

import io.consulta.notes.domain.NoteContent;
import io.consulta.notes.domain.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JournalCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    /** A database of notes by patient, counting the reads the cache makes. */
    private static final class FakeSource implements JournalCache.Source {
        final Map<String, List<StoredNote>> byPatient = new HashMap<>();
        int fullReads;
        int changeReads;

        void put(StoredNote note) {
            List<StoredNote> notes = byPatient.computeIfAbsent(note.patientId(), p -> new ArrayList<>());
            notes.removeIf(n -> n.id().equals(note.id()));
            notes.add(note);
        }

        @Override
        public List<StoredNote> journal(String patientId) {
            fullReads++;
            return byPatient.getOrDefault(patientId, List.of()).stream().filter(n -> !n.deleted()).toList();
        }

        @Override
        public List<StoredNote> changedSince(String patientId, Instant since) {
            changeReads++;
            return byPatient.getOrDefault(patientId, List.of()).stream().filter(n -> !n.updatedAt().isBefore(since))
                    .toList();
        }
    }

    private static JournalCacheSettings settings(Duration refresh, int maxJournals, long maxChars) {
        return new JournalCacheSettings() {
            public Duration refreshEvery() {
                return refresh;
            }

            public Duration reloadEvery() {
                return Duration.ofMinutes(10);
            }

            public int maxJournals() {
                return maxJournals;
            }

            public long maxChars() {
                return maxChars;
            }
        };
    }

    private static StoredNote note(String patient, String id, int minute, long version, boolean deleted, String body) {
        Instant created = T0.plusSeconds(60L * minute);
        return new StoredNote(id, patient, patient, "patient", new NoteContent("t", body, List.of(), List.of()),
                Visibility.SHARED, "shared", null, version, created, Instant.now(), deleted, body);
    }

    @Test
    void servesAJournalNewestFirstFromOneReadAndAppliesThisReplicasWritesAtOnce() {
        FakeSource db = new FakeSource();
        db.put(note("p", "a", 1, 1, false, "one"));
        db.put(note("p", "b", 2, 1, false, "two"));
        JournalCache cache = new JournalCache(db, settings(Duration.ofHours(1), 10, 1_000_000));

        assertThat(cache.notesOf("p")).extracting(StoredNote::id).containsExactly("b", "a");
        StoredNote c = note("p", "c", 3, 1, false, "three");
        db.put(c);
        cache.written(c);
        cache.written(note("p", "a", 1, 2, true, "one"));
        cache.written(note("p", "b", 2, 0, false, "an older version arriving late"));
        assertThat(cache.notesOf("p")).extracting(StoredNote::id).containsExactly("c", "b");
        assertThat(cache.notesOf("p").get(1).content().body()).isEqualTo("two");
        assertThat(db.fullReads).isEqualTo(1);
        assertThat(db.changeReads).isZero();
    }

    @Test
    void readsOtherReplicasChangesOncePerRefreshInterval() {
        FakeSource db = new FakeSource();
        db.put(note("p", "a", 1, 1, false, "one"));
        JournalCache cache = new JournalCache(db, settings(Duration.ofMillis(300), 10, 1_000_000));
        assertThat(cache.notesOf("p")).extracting(StoredNote::id).containsExactly("a");

        db.put(note("p", "b", 2, 1, false, "written elsewhere"));
        db.put(note("p", "a", 1, 2, true, "deleted elsewhere"));
        assertThat(cache.notesOf("p")).as("within the interval: served from memory").extracting(StoredNote::id)
                .containsExactly("a");
        // the cache reads the monotonic clock itself: poll until its interval has passed (no fixed sleep)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(cache.notesOf("p")).extracting(StoredNote::id).containsExactly("b"));
        assertThat(cache.notesOf("p")).extracting(StoredNote::id).containsExactly("b");
        assertThat(db.changeReads).isEqualTo(1);
    }

    @Test
    void keepsABoundedNumberOfJournalsAndCharacters() {
        FakeSource db = new FakeSource();
        for (String p : List.of("p1", "p2", "p3")) {
            db.put(note(p, p + "-n", 1, 1, false, "x".repeat(100)));
        }
        JournalCache byCount = new JournalCache(db, settings(Duration.ofHours(1), 2, 1_000_000));
        byCount.notesOf("p1");
        byCount.notesOf("p2");
        byCount.notesOf("p1");
        byCount.notesOf("p3");
        assertThat(byCount.size()).isEqualTo(2);
        int reads = db.fullReads;
        byCount.notesOf("p1");
        assertThat(db.fullReads).as("p1 was read recently and kept").isEqualTo(reads);
        byCount.notesOf("p2");
        assertThat(db.fullReads).as("p2 was the least recently read and went").isEqualTo(reads + 1);

        // each journal is 2 × (1 + 100) characters: two fit in 500, three do not
        JournalCache byChars = new JournalCache(db, settings(Duration.ofHours(1), 100, 500));
        byChars.notesOf("p1");
        byChars.notesOf("p2");
        byChars.notesOf("p3");
        assertThat(byChars.size()).isEqualTo(2);
    }
}
