package io.consulta.common.store;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupInsertTest {

    private static final String WRITER = "test-writer";

    private final CountDownLatch firstInsertMayGo = new CountDownLatch(1);
    private final List<Integer> insertSizes = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private final ExecutorService callers = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aDocumentIsStoredWhenInsertReturns() {
        firstInsertMayGo.countDown();
        try (GroupInsert writer = new GroupInsert(watched(mongo.collection("entries")), WRITER)) {
            writer.insert(new Document("_id", "a").append("n", 1));

            assertThat(mongo.collection("entries").find(new Document("_id", "a")).first()).containsEntry("n", 1);
        }
    }

    @Test
    void callersArrivingDuringAnInsertGoTogetherInTheNextOne() throws Exception {
        try (GroupInsert writer = new GroupInsert(watched(mongo.collection("entries")), WRITER)) {
            Future<?> first = callers.submit(() -> writer.insert(new Document("_id", 0)));
            await().atMost(5, TimeUnit.SECONDS).until(() -> insertSizes.size() == 1);
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 19; i++) {
                int id = i;
                others.add(callers.submit(() -> writer.insert(new Document("_id", id))));
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> writer.waiting() == 19);
            assertThat(others).noneMatch(Future::isDone);

            firstInsertMayGo.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> other : others) {
                other.get(5, TimeUnit.SECONDS);
            }

            assertThat(insertSizes).containsExactly(1, 19);
            assertThat(mongo.collection("entries").countDocuments()).isEqualTo(20);
        }
    }

    @Test
    void aRefusedDocumentFailsItsOwnCallerOnly() throws Exception {
        var entries = mongo.collection("entries");
        entries.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        entries.insertOne(new Document("_id", "taken").append("key", "k"));
        try (GroupInsert writer = new GroupInsert(watched(entries), WRITER)) {
            Future<?> held = callers.submit(() -> writer.insert(new Document("_id", "first").append("key", "a")));
            await().atMost(5, TimeUnit.SECONDS).until(() -> insertSizes.size() == 1);
            Future<?> refused = callers.submit(() -> writer.insert(new Document("_id", "dup").append("key", "k")));
            Future<?> fine = callers.submit(() -> writer.insert(new Document("_id", "fine").append("key", "b")));
            await().atMost(5, TimeUnit.SECONDS).until(() -> writer.waiting() == 2);

            firstInsertMayGo.countDown();

            held.get(5, TimeUnit.SECONDS);
            fine.get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MongoException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(entries.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void closingStoresWhatWaitsAndRefusesMore() throws Exception {
        GroupInsert writer = new GroupInsert(watched(mongo.collection("entries")), WRITER);
        Future<?> held = callers.submit(() -> writer.insert(new Document("_id", 1)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> insertSizes.size() == 1);
        Future<?> waiting = callers.submit(() -> writer.insert(new Document("_id", 2)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> writer.waiting() == 1);

        Future<?> closing = callers.submit(writer::close);
        firstInsertMayGo.countDown();
        closing.get(5, TimeUnit.SECONDS);

        held.get(5, TimeUnit.SECONDS);
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(mongo.collection("entries").countDocuments()).isEqualTo(2);
        assertThatThrownBy(() -> writer.insert(new Document("_id", 3))).isInstanceOf(IllegalStateException.class);
    }

    /**
     * The collection as the writer sees it: each of its inserts is counted, and the first is held until the test lets
     * it go, so the next callers gather behind it.
     */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> watched(MongoCollection<Document> collection) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertMany")) {
                        insertSizes.add(((List<?>) args[0]).size());
                        awaitQuietly(firstInsertMayGo);
                    }
                    try {
                        return method.invoke(collection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
