package io.consulta.chat.service;

import java.util.Collection;

/** The devices connected to this replica, by user. Implemented by the WebSocket side ({@code api.SessionRegistry}). */
public interface ConnectedClients {

    /** Sends to every device of the user here, except the connection named (the sender's own, which got an ack). */
    void send(String userId, String frame, String exceptConnectionId);

    /** Whether any of these users has a device connected here. */
    boolean hasAny(Collection<String> userIds);
}
