package io.consulta.chat.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.consulta.chat.ChatConfig;
import io.consulta.chat.domain.SeqCursor;
import io.consulta.chat.domain.SeqRun;
import io.consulta.chat.store.ChatMessage;
import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.store.MessageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * History pages, answered from the newest messages of recently read conversations where they can be: each kept as the
 * API renders it, so a page served from here costs neither decoding nor rendering, and the store is asked only whether
 * newer messages exist instead of for the whole page: the conversation's {@code lastSeq}, read in one batch with every
 * other page's of the moment ({@link #cachedPage}), or, when that is ahead of the run, an index probe for the newer
 * messages ({@link #page}). The opened conversation's newest page is the read that happens most, and on the local
 * stack's disk store it was the costliest one (issue 18).
 * <p>
 * Correct across replicas without any invalidation: messages are never changed once stored, a run is cached only when
 * no sequence number is missing in it ({@link SeqRun}), and the newest page is always checked for newer messages.
 * Bounded by {@code consulta.chat.history-cache.heap-percent} of the heap; least recently read conversations go first.
 */
@ApplicationScoped
public class RecentHistory {

    /** A history page: the messages as the API renders them, newest first, and the cursor to older ones. */
    public record Page(List<byte[]> items, String nextCursor) {
    }

    private record Run(SeqRun seqs, List<byte[]> items) {

        int weight() {
            int bytes = 96 + 16 * items.size();
            for (byte[] item : items) {
                bytes += item.length;
            }
            return bytes;
        }
    }

    private static final int CAPACITY = SeqCursor.MAX_LIMIT + 1;

    private final MessageStore messages;
    private final ConversationStore conversations;
    private final Cache<String, Run> runs;
    private final Counter fromCache;
    private final Counter fromStore;

    public RecentHistory(MessageStore messages, ConversationStore conversations, ChatConfig config,
                         MeterRegistry meters) {
        this.messages = messages;
        this.conversations = conversations;
        long budget = Runtime.getRuntime().maxMemory() / 100 * config.historyCache().heapPercent();
        this.runs = Caffeine.newBuilder().maximumWeight(budget).weigher((String id, Run run) -> run.weight()).build();
        this.fromCache = meters.counter("consulta.chat.history.pages", "source", "cache");
        this.fromStore = meters.counter("consulta.chat.history.pages", "source", "store");
    }

    /**
     * The page {@code cursor} asks for if the cache can answer it without blocking: from a cached run when the
     * conversation's {@code lastSeq} (read in a batch with the other requests' meanwhile) shows nothing newer was given
     * out. Empty when it cannot: then {@link #page} answers, on a thread that may block.
     */
    public CompletableFuture<Optional<Page>> cachedPage(String conversationId, SeqCursor cursor) {
        Run cached = runs.getIfPresent(conversationId);
        if (cached == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!cached.seqs().mayMissNewer(cursor.before())) {
            return CompletableFuture.completedFuture(served(slice(cached, cursor)));
        }
        return conversations.lastSeq(conversationId).thenApply(lastSeq ->
                lastSeq != null && lastSeq <= cached.seqs().newestSeq() ? served(slice(cached, cursor)) : Optional.empty());
    }

    private Optional<Page> served(Optional<Page> fromCachedRun) {
        fromCachedRun.ifPresent(page -> fromCache.increment());
        return fromCachedRun;
    }

    /** The page {@code cursor} asks for, each message rendered by {@code render} (always the same rendering). */
    public Page page(String conversationId, SeqCursor cursor, Function<ChatMessage, byte[]> render) {
        Run cached = runs.getIfPresent(conversationId);
        if (cached != null) {
            Optional<Page> hit = current(conversationId, cached, cursor, render).flatMap(run -> slice(run, cursor));
            if (hit.isPresent()) {
                fromCache.increment();
                return hit.get();
            }
        }
        fromStore.increment();
        List<ChatMessage> found = messages.before(conversationId, cursor.before(), cursor.limit() + 1);
        List<byte[]> rendered = found.stream().map(render).toList();
        if (cursor.before() == Long.MAX_VALUE) {
            SeqRun.ofNewest(seqs(found)).ifPresent(run -> remember(conversationId, new Run(run, rendered)));
        }
        List<byte[]> shown = rendered.subList(0, Math.min(cursor.limit(), rendered.size()));
        return new Page(shown, found.size() > cursor.limit() ? Long.toString(found.get(shown.size() - 1).seq()) : null);
    }

    /** The cached run with whatever was stored since on top; empty (and forgotten) when those leave a gap. */
    private Optional<Run> current(String conversationId, Run cached, SeqCursor cursor,
                                  Function<ChatMessage, byte[]> render) {
        if (!cached.seqs().mayMissNewer(cursor.before())) {
            return Optional.of(cached);
        }
        List<ChatMessage> newer = messages.after(conversationId, cached.seqs().newestSeq(), CAPACITY);
        if (newer.isEmpty()) {
            return Optional.of(cached);
        }
        Optional<SeqRun> extended = newer.size() < CAPACITY
                ? cached.seqs().extendedBy(seqs(newer), Math.max(cached.seqs().size(), SeqCursor.DEFAULT_LIMIT + 1))
                : Optional.empty(); // maybe more than that: the store answers
        if (extended.isEmpty()) {
            runs.invalidate(conversationId);
            return Optional.empty();
        }
        List<byte[]> items = new ArrayList<>(newer.size() + cached.items().size());
        newer.reversed().forEach(message -> items.add(render.apply(message)));
        items.addAll(cached.items());
        Run run = new Run(extended.get(), List.copyOf(items.subList(0, extended.get().size())));
        remember(conversationId, run);
        return Optional.of(run);
    }

    private static Optional<Page> slice(Run run, SeqCursor cursor) {
        return run.seqs().slice(cursor.before(), cursor.limit()).map(slice -> {
            List<byte[]> shown = run.items().subList(slice.from(), slice.from() + slice.count());
            String next = slice.more() ? Long.toString(run.seqs().newestSeq() - slice.from() - slice.count() + 1) : null;
            return new Page(shown, next);
        });
    }

    /** Keeps the run that reaches further: two readers may have refreshed the same conversation at once. */
    private void remember(String conversationId, Run run) {
        runs.asMap().merge(conversationId, run,
                (old, fresh) -> fresh.seqs().newestSeq() >= old.seqs().newestSeq() ? fresh : old);
    }

    private static long[] seqs(List<ChatMessage> found) {
        return found.stream().mapToLong(ChatMessage::seq).toArray();
    }
}
