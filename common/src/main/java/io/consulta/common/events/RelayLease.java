package io.consulta.common.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A time-limited lease in MongoDB so that exactly one replica relays a service's outbox at a time. */
final class RelayLease {

    private static final String LEASE_ID = "outbox-relay";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final Duration duration;
    private final String owner = UUID.randomUUID().toString();

    RelayLease(MongoCollection<Document> leases, Duration duration) {
        this.leases = leases;
        this.duration = duration;
    }

    boolean holdOrAcquire() {
        Instant now = Instant.now();
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LEASE_ID),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("owner", owner)));
    }
}
