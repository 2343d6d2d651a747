package io.consulta.chat.store;

import io.consulta.common.store.Documents;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;

/** A stored in-app notification; {@code readAt} is null while unread. */
public record Notification(String id, String userId, String kind, String title, String body, Map<String, String> data,
                           Instant createdAt, Instant readAt) {

    @SuppressWarnings("unchecked")
    static Notification from(Document d) {
        Document data = d.get("data", Document.class);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (data != null) {
            data.forEach((k, v) -> values.put(k, String.valueOf(v)));
        }
        return new Notification(d.getString("_id"), d.getString("userId"), d.getString("kind"), d.getString("title"),
                d.getString("body"), values, Documents.instant(d, "createdAt"), Documents.instant(d, "readAt"));
    }
}
