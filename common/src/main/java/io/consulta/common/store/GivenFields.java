package io.consulta.common.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an event that may leave fields out to a projection document: only the fields it gives (not null) are set,
 * the others keep their value, and the document is created when it is the first event about it. For example the
 * identity projections: {@code GivenFields.updatedAt(now).set("name", name).set("email", email).upsert(users, id)}.
 */
public final class GivenFields {

    private final List<Bson> changes = new ArrayList<>();

    private GivenFields() {
    }

    /** Every change stamps the document with {@code at} (a {@code Date} or an {@code Instant}). */
    public static GivenFields updatedAt(Object at) {
        return new GivenFields().set("updatedAt", at);
    }

    /** Sets {@code field} to {@code value} when the event gives one; null leaves the stored value alone. */
    public GivenFields set(String field, Object value) {
        if (value != null) {
            changes.add(Updates.set(field, value));
        }
        return this;
    }

    /** Writes the given fields to the document {@code _id = id}, creating it if it is not there. */
    public void upsert(MongoCollection<?> collection, String id) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(changes), new UpdateOptions().upsert(true));
    }
}
