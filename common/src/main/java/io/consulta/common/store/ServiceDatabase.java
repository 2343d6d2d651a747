package io.consulta.common.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A service's own database ({@code quarkus.mongodb.database}), which its stores take their collections from. */
@ApplicationScoped
public class ServiceDatabase {

    private final MongoDatabase database;

    public ServiceDatabase(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = mongo.getDatabase(name);
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /**
     * Whether the database is the local MongoDB-protocol server (mongo-java-server) rather than MongoDB: its
     * buildInfo answers only the version, where MongoDB's always carries {@code gitVersion}.
     */
    public boolean isLocalProtocolServer() {
        Document build = database.runCommand(new Document("buildInfo", 1));
        return !build.containsKey("gitVersion");
    }
}
