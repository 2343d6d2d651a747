package io.consulta.common.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/** A MongoDB-protocol server in memory for the plain unit tests of common's stores; close it after the test. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public InMemoryMongo() {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    public MongoCollection<Document> collection(String name) {
        return client.getDatabase("common_unit").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
