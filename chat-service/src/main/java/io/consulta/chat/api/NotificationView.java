package io.consulta.chat.api;

import io.consulta.chat.store.Notification;

import java.time.Instant;
import java.util.Map;

/** A notification; {@code kind} is the event type behind it, {@code data} the ids to open what it is about. */
public record NotificationView(String id, String kind, String title, String body, Map<String, String> data,
                               Instant createdAt, Instant readAt, boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.title(), n.body(), n.data(), n.createdAt(), n.readAt(),
                n.readAt() != null);
    }
}
