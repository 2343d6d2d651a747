package io.consulta.common.events;

import com.mongodb.client.MongoCollection;
import io.consulta.common.store.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas of a service: only one relays at a time, and the other takes over when the lease ends. */
class RelayLeaseTest {

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private MongoCollection<Document> leases;

    @BeforeEach
    void setUp() {
        leases = mongo.client().getDatabase("lease_test").getCollection("outbox_relay_lease");
    }

    @Test
    void onlyOneReplicaHoldsTheLeaseUntilItIsReleased() {
        RelayLease first = new RelayLease(leases, Duration.ofSeconds(30));
        RelayLease second = new RelayLease(leases, Duration.ofSeconds(30));

        assertThat(first.holdOrAcquire()).isTrue();
        assertThat(second.holdOrAcquire()).isFalse();
        assertThat(first.holdOrAcquire()).as("the holder renews").isTrue();

        first.release();
        assertThat(second.holdOrAcquire()).isTrue();
        assertThat(first.holdOrAcquire()).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        Instant start = Instant.parse("2026-11-29T10:00:00Z");
        RelayLease crashed = new RelayLease(leases, Duration.ofSeconds(15), Clock.fixed(start, ZoneOffset.UTC));
        RelayLease survivor = new RelayLease(leases, Duration.ofSeconds(30),
                Clock.fixed(start.plusSeconds(10), ZoneOffset.UTC));
        RelayLease later = new RelayLease(leases, Duration.ofSeconds(30),
                Clock.fixed(start.plusSeconds(16), ZoneOffset.UTC));

        assertThat(crashed.holdOrAcquire()).isTrue();
        assertThat(survivor.holdOrAcquire()).as("still held").isFalse();
        assertThat(later.holdOrAcquire()).as("expired").isTrue();
    }
}
