package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

/**
 * Who is online anywhere in the cluster: per user, the number of open sockets on each replica and when that replica
 * last confirmed it. A replica that died stops confirming, so its sockets stop counting after {@link #STALE}.
 */
@ApplicationScoped
public class PresenceStore {

    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STALE = HEARTBEAT.multipliedBy(3);

    private final MongoCollection<Document> presence;

    public PresenceStore(ServiceDatabase database) {
        this.presence = database.collection("presence");
    }

    /** Counts a socket opened ({@code delta} 1) or closed (-1) on a replica; returns whether the user is online now. */
    public boolean change(String userId, String replicaId, int delta) {
        Document after = presence.findOneAndUpdate(Filters.eq("_id", userId),
                Updates.combine(Updates.inc("replicas." + replicaId + ".sockets", delta),
                        Updates.set("replicas." + replicaId + ".at", new Date())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return isOnline(after, Instant.now());
    }

    /** Which of these users are online. */
    public Set<String> online(Collection<String> userIds) {
        Set<String> online = new HashSet<>();
        Instant now = Instant.now();
        presence.find(Filters.in("_id", userIds)).forEach(d -> {
            if (isOnline(d, now)) {
                online.add(d.getString("_id"));
            }
        });
        return online;
    }

    /** Confirms this replica's counts; called every {@link #HEARTBEAT}. */
    public void heartbeat(String replicaId) {
        presence.updateMany(Filters.exists("replicas." + replicaId), Updates.set("replicas." + replicaId + ".at", new Date()));
    }

    /** A replica shutting down takes its sockets out of every count. */
    public void forget(String replicaId) {
        presence.updateMany(Filters.exists("replicas." + replicaId), Updates.unset("replicas." + replicaId));
    }

    private static boolean isOnline(Document document, Instant now) {
        Document replicas = document == null ? null : document.get("replicas", Document.class);
        if (replicas == null) {
            return false;
        }
        Instant freshAfter = now.minus(STALE);
        for (Object value : replicas.values()) {
            if (value instanceof Document replica) {
                Number sockets = replica.get("sockets", Number.class);
                Date at = replica.getDate("at");
                if (sockets != null && sockets.intValue() > 0 && at != null && at.toInstant().isAfter(freshAfter)) {
                    return true;
                }
            }
        }
        return false;
    }
}
