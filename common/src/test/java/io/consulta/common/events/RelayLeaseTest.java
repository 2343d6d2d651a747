package io.consulta.common.events;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas of a service: only one relays at a time, and the other takes over when the lease ends. */
class RelayLeaseTest {

    private MongoServer server;
    private MongoClient mongo;
    private MongoCollection<Document> leases;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        var address = server.bind();
        mongo = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        leases = mongo.getDatabase("lease_test").getCollection("outbox_relay_lease");
    }

    @AfterEach
    void tearDown() {
        mongo.close();
        server.shutdownNow();
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
