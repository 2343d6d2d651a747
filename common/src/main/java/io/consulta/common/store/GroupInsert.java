package io.consulta.common.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

    static final int MAX_BATCH = 512;
    private static final int MAX_QUEUED = 8_192;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> collection;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean closed;

    private record Pending(Document document, CompletableFuture<Void> stored) {
    }

    public GroupInsert(MongoCollection<Document> collection, String writerName) {
        this.collection = collection;
        this.writer = Thread.ofPlatform().name(writerName).daemon().unstarted(this::writeBatches);
        writer.start();
    }

    /** Stores {@code document}; returns once it is acknowledged, throws what its insert threw. */
    public void insert(Document document) {
        if (closed) {
            throw new IllegalStateException("The " + writer.getName() + " is closed");
        }
        Pending pending = new Pending(document, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MongoException("The " + writer.getName() + " has " + MAX_QUEUED + " documents waiting");
            }
            pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoException("Interrupted while waiting for the " + writer.getName(), e);
        } catch (TimeoutException e) {
            throw new MongoException("The " + writer.getName() + " did not store a document within " + MAX_WAIT, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new MongoException("Insert failed", e);
        }
    }

    /** How many documents wait for the next batch (tests hold a batch and watch the next one gather). */
    int waiting() {
        return queue.size();
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            collection.insertMany(batch.stream().map(Pending::document).toList(), UNORDERED);
            batch.forEach(pending -> pending.stored().complete(null));
        } catch (MongoBulkWriteException e) {
            Map<Integer, BulkWriteError> refused = e.getWriteErrors().stream()
                    .collect(Collectors.toMap(BulkWriteError::getIndex, error -> error));
            for (int i = 0; i < batch.size(); i++) {
                BulkWriteError error = refused.get(i);
                if (error == null) {
                    batch.get(i).stored().complete(null);
                } else {
                    batch.get(i).stored().completeExceptionally(new MongoException(error.getCode(), error.getMessage()));
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.stored().completeExceptionally(e));
        }
    }

    /** Stores what is waiting, then stops; later inserts throw. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(MAX_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.stored().completeExceptionally(
                new IllegalStateException("The " + writer.getName() + " closed before storing it")));
    }
}
