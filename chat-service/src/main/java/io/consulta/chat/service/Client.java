package io.consulta.chat.service;

/**
 * One connected device of a user on this replica, as the use cases see it: they answer it and ask it whether a typing
 * indicator is due. Implemented by the WebSocket side ({@code api.ChatSession}), so use cases do not depend on sockets.
 */
public interface Client {

    String userId();

    String connectionId();

    /** Queues a frame without waiting; a client that went away meanwhile just drops it. */
    void send(String frame);

    /** Whether a typing indicator for this conversation may go out now (they are throttled per device). */
    boolean allowTyping(String conversationId);
}
