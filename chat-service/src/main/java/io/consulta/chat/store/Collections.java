package io.consulta.chat.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;

/** The collections of consulta_chat, and the few conversions every store needs. */
@ApplicationScoped
public class Collections {

    private final MongoClient mongo;
    private final String database;

    public Collections(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /**
     * Whether the database is the local MongoDB-protocol server (mongo-java-server) rather than MongoDB: its
     * buildInfo answers only the version, where MongoDB's always carries {@code gitVersion}.
     */
    public boolean isLocalProtocolServer() {
        Document build = mongo.getDatabase(database).runCommand(new Document("buildInfo", 1));
        return !build.containsKey("gitVersion");
    }

    public MongoCollection<Document> get(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static long longValue(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
