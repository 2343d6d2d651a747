package io.consulta.chat.domain;

import java.util.Map;

/**
 * An in-app notification to create for one user. {@code kind} is the event type that caused it; {@code data} holds
 * the ids a client needs to open the thing it is about (never clinical text). {@code email}: also send it by e-mail.
 */
public record NotificationDraft(String userId, String kind, String title, String body, Map<String, String> data,
                                boolean email) {
}
