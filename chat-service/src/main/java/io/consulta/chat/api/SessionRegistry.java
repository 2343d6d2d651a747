package io.consulta.chat.api;

import io.consulta.chat.service.ConnectedClients;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sockets open on this replica, by connection and by user (a user may have several devices). */
@ApplicationScoped
public class SessionRegistry implements ConnectedClients {

    private final Map<String, ChatSession> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<ChatSession>> byUser = new ConcurrentHashMap<>();

    /** Looks the frame path up at start, so a Quarkus version without the fast one says so in the startup log. */
    void checkFramePath(@Observes StartupEvent event) {
        DirectFrameWriter.available();
    }

    /** The user's sockets on this replica. */
    Set<ChatSession> sessionsOf(String userId) {
        return Set.copyOf(byUser.getOrDefault(userId, Set.of()));
    }

    /** Registers a socket; true if it is the user's first on this replica. */
    public boolean add(ChatSession session) {
        byConnection.put(session.connectionId(), session);
        AtomicBoolean first = new AtomicBoolean();
        byUser.compute(session.userId(), (user, sessions) -> {
            Set<ChatSession> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            first.set(set.isEmpty());
            set.add(session);
            return set;
        });
        return first.get();
    }

    /** Forgets a socket; true if it was the user's last on this replica. */
    public boolean remove(ChatSession session) {
        byConnection.remove(session.connectionId());
        AtomicBoolean last = new AtomicBoolean();
        byUser.computeIfPresent(session.userId(), (user, sessions) -> {
            sessions.remove(session);
            last.set(sessions.isEmpty());
            return sessions.isEmpty() ? null : sessions;
        });
        return last.get();
    }

    /** The user's sockets on this replica. */
    public List<ChatSession> of(String userId) {
        Set<ChatSession> sessions = byUser.get(userId);
        return sessions == null ? List.of() : List.copyOf(sessions);
    }

    public ChatSession byConnection(String connectionId) {
        return byConnection.get(connectionId);
    }

    /** Sends to every socket of the user here, except the one named (the sender's own, which got an ack). */
    @Override
    public void send(String userId, String frame, String exceptConnectionId) {
        Set<ChatSession> sessions = byUser.get(userId);
        if (sessions == null) {
            return;
        }
        for (ChatSession session : sessions) {
            if (!session.connectionId().equals(exceptConnectionId)) {
                session.send(frame);
            }
        }
    }

    @Override
    public boolean hasAny(Collection<String> userIds) {
        for (String userId : userIds) {
            if (byUser.containsKey(userId)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return byConnection.size();
    }
}
