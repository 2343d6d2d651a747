package io.consulta.bench.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/** The one thread that reads every device's socket: frames are handled as they arrive, in order per socket. */
final class ChatReader implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;

    ChatReader() throws IOException {
        selector = Selector.open();
        thread = Thread.ofPlatform().name("chat-reader").daemon().start(this::run);
    }

    void register(ChatDevice device) throws ClosedChannelException {
        device.channel.register(selector, SelectionKey.OP_READ, device);
        selector.wakeup(); // a registration takes effect at the next select
    }

    private void run() {
        try {
            while (selector.isOpen()) {
                selector.select(key -> ((ChatDevice) key.attachment()).readable());
            }
        } catch (ClosedSelectorException closed) {
            // close() was called
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
    }
}
