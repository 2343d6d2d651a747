package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.MongoException;
import io.consulta.common.store.DuplicateKey;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.consulta.chat.domain.NotificationDraft;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * In-app notifications per user. The id is derived from the event and the recipient, so an event delivered twice
 * creates each notification once.
 */
@ApplicationScoped
public class NotificationStore {

    private final MongoCollection<Document> notifications;

    public NotificationStore(ServiceDatabase database) {
        this.notifications = database.collection("notifications");
    }

    void createIndexes(@Observes StartupEvent event) {
        notifications.createIndex(Indexes.ascending("userId", "createdAt"), new IndexOptions().name("by_user"));
    }

    /** Stores the notification; empty if it already existed (a repeated event). */
    public Optional<Notification> create(String eventId, NotificationDraft draft, Instant at) {
        Document document = new Document("_id", eventId + ":" + draft.userId()).append("userId", draft.userId())
                .append("kind", draft.kind()).append("title", draft.title()).append("body", draft.body())
                .append("data", new Document(new java.util.LinkedHashMap<>(draft.data())))
                .append("createdAt", Date.from(at)).append("readAt", null);
        try {
            notifications.insertOne(document);
            return Optional.of(Notification.from(document));
        } catch (RuntimeException e) {
            if (e instanceof MongoException mongo && DuplicateKey.is(mongo)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<Notification> page(String userId, ListCursor after, int limit, boolean unreadOnly) {
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq("userId", userId)));
        if (unreadOnly) {
            filter.add(Filters.eq("readAt", null));
        }
        if (after != null) {
            filter.add(Filters.or(Filters.lt("createdAt", Date.from(after.at())),
                    Filters.and(Filters.eq("createdAt", Date.from(after.at())), Filters.lt("_id", after.id()))));
        }
        List<Notification> page = new ArrayList<>();
        notifications.find(Filters.and(filter)).sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .forEach(d -> page.add(Notification.from(d)));
        return page;
    }

    public long unreadCount(String userId) {
        return notifications.countDocuments(Filters.and(Filters.eq("userId", userId), Filters.eq("readAt", null)));
    }

    /** Marks one of the user's notifications read (idempotent); empty if it is not theirs. */
    public Optional<Notification> markRead(String userId, String id) {
        Bson mine = Filters.and(Filters.eq("_id", id), Filters.eq("userId", userId));
        notifications.updateOne(Filters.and(mine, Filters.eq("readAt", null)), Updates.set("readAt", new Date()));
        return Optional.ofNullable(notifications.find(mine).first()).map(Notification::from);
    }

    public long markAllRead(String userId) {
        return notifications.updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("readAt", null)),
                Updates.set("readAt", new Date())).getModifiedCount();
    }

    public List<Notification> findByIds(Collection<String> ids) {
        List<Notification> found = new ArrayList<>();
        notifications.find(Filters.in("_id", ids)).forEach(d -> found.add(Notification.from(d)));
        return found;
    }

    /** Whether the notification's e-mail is still to be sent (a redelivered event must not send it twice). */
    public boolean emailPending(String id) {
        return notifications.find(Filters.and(Filters.eq("_id", id), Filters.exists("emailedAt", false))).first() != null;
    }

    public void markEmailed(String id) {
        notifications.updateOne(Filters.eq("_id", id), Updates.set("emailedAt", new Date()));
    }
}
