package io.consulta.common.store;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class GivenFieldsTest {

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoCollection<Document> users = mongo.collection("users");

    @Test
    void theFirstEventCreatesTheDocumentAndALaterOneChangesOnlyTheFieldsItGives() {
        Instant first = Instant.parse("2026-11-29T10:00:00Z");
        Instant later = Instant.parse("2026-11-29T11:00:00Z");

        GivenFields.updatedAt(Date.from(first)).set("name", "Alice").set("email", "alice@example.org")
                .set("role", null).upsert(users, "user-1");
        assertThat(users.find(new Document("_id", "user-1")).first()).containsOnlyKeys("_id", "updatedAt", "name",
                "email").containsEntry("name", "Alice").containsEntry("updatedAt", Date.from(first));

        GivenFields.updatedAt(Date.from(later)).set("name", null).set("email", "alice@new.example.org")
                .upsert(users, "user-1");
        assertThat(users.find(new Document("_id", "user-1")).first()).containsEntry("name", "Alice")
                .containsEntry("email", "alice@new.example.org").containsEntry("updatedAt", Date.from(later));
        assertThat(users.countDocuments()).isEqualTo(1);
    }
}
