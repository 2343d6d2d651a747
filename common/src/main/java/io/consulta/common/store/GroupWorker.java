package io.consulta.common.store;

import com.mongodb.MongoException;
import io.consulta.common.domain.UnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One thread that takes queued requests in batches: the first request goes alone, and the ones that arrive while a
 * batch is on its way go together in the next. Idle, a request costs what it would alone; busy, one round trip answers
 * hundreds. The handler completes every request's future ({@link GroupInsert}, {@link GroupLookup}).
 */
final class GroupWorker<I, O> implements AutoCloseable {

    static final int MAX_BATCH = 512;
    static final int MAX_QUEUED = 8_192;
    /** How long closing waits for the batches still queued, and a blocking caller for room or for its answer. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    record Request<I, O>(I input, CompletableFuture<O> done) {
    }

    private final BlockingQueue<Request<I, O>> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final Consumer<List<Request<I, O>>> handler;
    private final Thread thread;
    private volatile boolean closed;

    GroupWorker(String name, Consumer<List<Request<I, O>>> handler) {
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::handleBatches);
        thread.start();
    }

    String name() {
        return thread.getName();
    }

    /**
     * Queues {@code input}, waiting up to {@code forRoom} while {@value #MAX_QUEUED} requests wait already; the future
     * fails when there is still no room ({@link UnavailableException}: a 503 to retry) or the worker is closed.
     */
    CompletableFuture<O> submit(I input, Duration forRoom) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The " + name() + " is closed"));
        }
        Request<I, O> request = new Request<>(input, new CompletableFuture<>());
        try {
            if (!queue.offer(request, forRoom.toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new UnavailableException(
                        "The database has too many requests waiting; please retry in a few seconds"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(
                    new MongoException("Interrupted while queueing for the " + name(), e));
        }
        if (closed && !thread.isAlive() && queue.remove(request)) { // queued after the last batch: nobody would answer
            request.done().completeExceptionally(new IllegalStateException("The " + name() + " is closed"));
        }
        return request.done();
    }

    /** How many requests wait for the next batch (tests hold a batch and watch the next one gather). */
    int waiting() {
        return queue.size();
    }

    private void handleBatches() {
        List<Request<I, O>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Request<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    handle(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void handle(List<Request<I, O>> batch) {
        try {
            handler.accept(batch);
        } catch (RuntimeException e) {
            batch.forEach(request -> request.done().completeExceptionally(e));
        }
    }

    /** Answers what is waiting, then stops; later requests fail. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(MAX_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Request<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(request -> request.done().completeExceptionally(
                new IllegalStateException("The " + name() + " closed before answering")));
    }
}
