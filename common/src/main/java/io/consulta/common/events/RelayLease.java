package io.consulta.common.events;

import io.consulta.common.store.DuplicateKey;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A time-limited lease in MongoDB so that exactly one replica relays a service's outbox at a time. */
@RequiredArgsConstructor
final class RelayLease {

    private static final String LEASE_ID = "outbox-relay";

    private final MongoCollection<Document> leases;
    private final Duration duration;
    private final String owner = UUID.randomUUID().toString();
    private Instant heldUntil = Instant.EPOCH;

    private final Clock clock;

    RelayLease(MongoCollection<Document> leases, Duration duration) {
        this(leases, duration, Clock.systemUTC());
    }

    /** Whether this replica holds the lease; renews it once a third of it has passed, not on every relay round. */
    boolean holdOrAcquire() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil.minus(duration.multipliedBy(2).dividedBy(3)))) {
            return true;
        }
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LEASE_ID),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            heldUntil = now.plus(duration);
            return true;
        } catch (MongoCommandException | MongoWriteException e) {
            if (DuplicateKey.is(e)) {
                return false;
            }
            throw e;
        }
    }

    void release() {
        heldUntil = Instant.EPOCH;
        leases.deleteOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("owner", owner)));
    }
}
