package io.consulta.chat.store;

import io.consulta.common.store.GivenFields;
import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

/** Projection of consulta.identity: names for notification texts and the e-mail address reminders go to. */
@ApplicationScoped
public class Users {

    private final MongoCollection<Document> users;

    public Users(ServiceDatabase database) {
        this.users = database.collection("users");
    }

    public record User(String id, String role, String status, String name, String email) {
    }

    /** Applies the fields an identity event carries; absent fields keep their value. */
    public void apply(String userId, String role, String status, String name, String email) {
        GivenFields.updatedAt(new Date()).set("role", role).set("status", status).set("name", name).set("email", email)
                .upsert(users, userId);
    }

    public Optional<User> find(String userId) {
        return Optional.ofNullable(users.find(Filters.eq("_id", userId)).first())
                .map(d -> new User(d.getString("_id"), d.getString("role"), d.getString("status"), d.getString("name"),
                        d.getString("email")));
    }

    public String nameOf(String userId) {
        return find(userId).map(User::name).orElse(null);
    }
}
