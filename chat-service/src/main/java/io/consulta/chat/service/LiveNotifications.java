package io.consulta.chat.service;

import io.consulta.chat.store.Notification;

/**
 * Shows a stored notification at once on the recipient's open sockets, on whichever replica they are. Implemented
 * by the WebSocket side ({@code api.LiveDelivery}), so use cases do not depend on sockets.
 */
public interface LiveNotifications {

    void notification(Notification notification);
}
