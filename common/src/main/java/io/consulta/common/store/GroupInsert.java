package io.consulta.common.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Inserts into one collection in batches without giving up "stored before the caller goes on" (group commit): each
 * caller waits until its own document is acknowledged, and the callers that arrive while a batch is on its way go
 * together in the next one. Idle, a batch is one document, as a plain insert would be; busy, one round trip stores
 * hundreds, so an entry written on every read costs the database a small part of an insert each.
 */
public final class GroupInsert implements AutoCloseable {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> collection;
    private final GroupWorker<Document, Void> worker;

    public GroupInsert(MongoCollection<Document> collection, String writerName) {
        this.collection = collection;
        this.worker = new GroupWorker<>(writerName, this::write);
    }

    /** Stores {@code document}; returns once it is acknowledged, throws what its insert threw. */
    public void insert(Document document) {
        CompletableFuture<Void> stored = worker.submit(document, GroupWorker.MAX_WAIT);
        try {
            stored.get(GroupWorker.MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoException("Interrupted while waiting for the " + worker.name(), e);
        } catch (TimeoutException e) {
            throw new MongoException("The " + worker.name() + " did not store a document within "
                    + GroupWorker.MAX_WAIT, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new MongoException("Insert failed", e);
        }
    }

    /**
     * Stores {@code document} without blocking the caller: the future completes once it is acknowledged, and fails at
     * once when {@value GroupWorker#MAX_QUEUED} documents wait already.
     */
    public CompletableFuture<Void> insertAsync(Document document) {
        return worker.submit(document, Duration.ZERO);
    }

    /** How many documents wait for the next batch (tests hold a batch and watch the next one gather). */
    int waiting() {
        return worker.waiting();
    }

    private void write(List<GroupWorker.Request<Document, Void>> batch) {
        try {
            collection.insertMany(batch.stream().map(GroupWorker.Request::input).toList(), UNORDERED);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (MongoBulkWriteException e) {
            Map<Integer, BulkWriteError> refused = e.getWriteErrors().stream()
                    .collect(Collectors.toMap(BulkWriteError::getIndex, error -> error));
            for (int i = 0; i < batch.size(); i++) {
                BulkWriteError error = refused.get(i);
                if (error == null) {
                    batch.get(i).done().complete(null);
                } else {
                    batch.get(i).done().completeExceptionally(new MongoException(error.getCode(), error.getMessage()));
                }
            }
        }
    }

    /** Stores what is waiting, then stops; later inserts throw. */
    @Override
    public void close() {
        worker.close();
    }
}
