package io.consulta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The JSON frames a test's WebSocket client has received, whichever client library it uses: a test waits for the
 * frame it expects and takes it, so each frame is taken once and those it skipped stay there for later waits.
 */
@RequiredArgsConstructor
public final class ReceivedFrames {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long {@link #await} waits before it fails. */
    private final Duration wait;
    private final List<JsonNode> frames = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** One whole text frame as the client received it. */
    public synchronized void add(String text) {
        try {
            frames.add(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        texts.add(text);
        notifyAll();
    }

    /** The next frame of this type not taken before. */
    public JsonNode await(String type) {
        return await(ofType(type));
    }

    /** The first frame not taken before that matches; fails when none has come within the wait. */
    public synchronized JsonNode await(Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i) != null && matches.test(frames.get(i))) {
                    return frames.set(i, null);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching frame within " + wait + "; received: " + texts);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Every frame of {@code type} not taken before, in arrival order; takes them. */
    public synchronized List<JsonNode> takeAll(String type) {
        List<JsonNode> taken = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i) != null && ofType(type).test(frames.get(i))) {
                taken.add(frames.set(i, null));
            }
        }
        return taken;
    }

    /** Fails if a matching frame, not taken before, has come by the end of {@code quiet}. */
    public void assertNone(Predicate<JsonNode> matches, Duration quiet) {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (JsonNode frame : frames) {
                if (frame != null && matches.test(frame)) {
                    throw new AssertionError("unexpected frame " + frame);
                }
            }
        }
    }

    public static Predicate<JsonNode> ofType(String type) {
        return frame -> type.equals(frame.path("type").asText());
    }
}
