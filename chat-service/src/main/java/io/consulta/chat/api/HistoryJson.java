package io.consulta.chat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.service.RecentHistory;
import io.consulta.chat.store.ChatMessage;
import io.consulta.common.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A history page as JSON, in the shape of every list ({@link Page} of {@link MessageView}), from messages rendered one by
 * one — so the history cache can keep them rendered and a page is put together from its bytes. Rendered with the
 * application's own mapper, so the bytes are what Jackson would write for the whole page.
 */
@ApplicationScoped
public class HistoryJson {

    private static final byte[] ITEMS = "{\"items\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] NEXT = "],\"nextCursor\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ObjectMapper json;

    public HistoryJson(ObjectMapper json) {
        this.json = json;
    }

    public byte[] message(ChatMessage message) {
        return write(MessageView.of(message));
    }

    /** The page's bytes, written once into an array of their exact size (a page is 15-20 KB, read thousands of times a second). */
    public byte[] page(RecentHistory.Page page) {
        List<byte[]> items = page.items();
        byte[] next = write(page.nextCursor());
        int size = ITEMS.length + Math.max(0, items.size() - 1) + NEXT.length + next.length + 1;
        for (byte[] item : items) {
            size += item.length;
        }
        byte[] out = new byte[size];
        int at = put(out, 0, ITEMS);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, items.get(i));
        }
        at = put(out, at, NEXT);
        at = put(out, at, next);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message view always renders", e);
        }
    }
}
