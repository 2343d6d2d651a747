package io.consulta.common.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MongoDB-protocol server in memory for the plain unit tests of common's stores, one per test:
 * {@code @RegisterExtension final InMemoryMongo mongo = new InMemoryMongo();} stops it after each test.
 */
public final class InMemoryMongo implements AfterEachCallback {

    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    private final MongoClient client;

    public InMemoryMongo() {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    public MongoClient client() {
        return client;
    }

    public MongoCollection<Document> collection(String name) {
        return client.getDatabase("common_unit").getCollection(name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }
}
