package io.consulta.common.store;

import io.consulta.common.domain.UnavailableException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupLookupTest {

    private static final Map<String, Long> STORED = Map.of("a", 1L, "b", 2L, "c", 3L);

    private final CountDownLatch firstReadMayGo = new CountDownLatch(1);
    private final List<Set<String>> reads = new CopyOnWriteArrayList<>();

    @Test
    void aKeyGetsItsStoredValueAndAMissingKeyNull() throws Exception {
        firstReadMayGo.countDown();
        try (GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", this::read)) {
            assertThat(lookup.lookup("b").get(5, TimeUnit.SECONDS)).isEqualTo(2L);
            assertThat(lookup.lookup("nobody").get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void keysAskedForDuringAReadGoTogetherInTheNextOneEachGettingItsOwnValue() throws Exception {
        try (GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", this::read)) {
            CompletableFuture<Long> first = lookup.lookup("a");
            await().atMost(5, TimeUnit.SECONDS).until(() -> reads.size() == 1);
            List<String> asked = List.of("b", "c", "b", "nobody");
            List<CompletableFuture<Long>> others = asked.stream().map(lookup::lookup).toList();
            assertThat(others).noneMatch(CompletableFuture::isDone);

            firstReadMayGo.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(others.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(2L);
            assertThat(others.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(3L);
            assertThat(others.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(2L);
            assertThat(others.get(3).get(5, TimeUnit.SECONDS)).isNull();
            assertThat(reads).containsExactly(Set.of("a"), Set.of("b", "c", "nobody"));
        }
    }

    @Test
    void aFailedReadFailsEveryKeyOfItsBatchAndTheNextReadStillWorks() throws Exception {
        firstReadMayGo.countDown();
        try (GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", keys -> {
            if (keys.contains("broken")) {
                throw new IllegalStateException("store unreachable");
            }
            return read(keys);
        })) {
            assertThatThrownBy(() -> lookup.lookup("broken").get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("store unreachable");
            assertThat(lookup.lookup("c").get(5, TimeUnit.SECONDS)).isEqualTo(3L);
        }
    }

    @Test
    void closingAnswersWhatWaitsAndRefusesMore() throws Exception {
        GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", this::read);
        CompletableFuture<Long> held = lookup.lookup("a");
        await().atMost(5, TimeUnit.SECONDS).until(() -> reads.size() == 1);
        CompletableFuture<Long> waiting = lookup.lookup("b");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(lookup::close);
        firstReadMayGo.countDown();
        closing.get(5, TimeUnit.SECONDS);

        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThatThrownBy(() -> lookup.lookup("c").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenTooManyKeysWaitTheNextIsRefusedAtOnceAsUnavailable() throws Exception {
        try (GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", this::read)) {
            CompletableFuture<Long> held = lookup.lookup("a");
            await().atMost(5, TimeUnit.SECONDS).until(() -> reads.size() == 1);
            List<CompletableFuture<Long>> waiting = IntStream.range(0, GroupWorker.MAX_QUEUED)
                    .mapToObj(i -> lookup.lookup("b")).toList();

            CompletableFuture<Long> refused = lookup.lookup("c");

            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).hasCauseInstanceOf(UnavailableException.class)
                    .hasMessageContaining("retry");
            firstReadMayGo.countDown();
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(waiting).allSatisfy(value -> assertThat(value.get(5, TimeUnit.SECONDS)).isEqualTo(2L));
        }
    }

    @Test
    void manyCallersAtOnceAllGetTheirValueInFewerReadsThanCallers() {
        firstReadMayGo.countDown();
        try (GroupLookup<String, Long> lookup = new GroupLookup<>("test-reader", this::read)) {
            List<CompletableFuture<Long>> asked = IntStream.range(0, 3_000)
                    .mapToObj(i -> lookup.lookup(List.of("a", "b", "c").get(i % 3))).toList();

            assertThat(asked.stream().map(CompletableFuture::join).collect(Collectors.toList()))
                    .isEqualTo(IntStream.range(0, 3_000).mapToObj(i -> (long) (i % 3 + 1)).toList());
            assertThat(reads.size()).isLessThan(3_000);
        }
    }

    /** The store as the lookup sees it: each read is recorded, and the first is held until the test lets it go. */
    private Map<String, Long> read(Set<String> keys) {
        reads.add(Set.copyOf(keys));
        try {
            firstReadMayGo.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return keys.stream().filter(STORED::containsKey).collect(Collectors.toMap(key -> key, STORED::get));
    }
}
