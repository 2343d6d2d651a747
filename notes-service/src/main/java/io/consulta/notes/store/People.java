package io.consulta.notes.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Projection of consulta.identity: names, a patient's date of birth and a doctor's licence number. */
@ApplicationScoped
public class People {

    private final MongoCollection<Document> people;

    public People(ServiceDatabase database) {
        this.people = database.collection("people");
    }

    /** Applies the fields an identity event carries; absent fields keep their value. */
    public void apply(String userId, String role, String name, String dateOfBirth, String licenceNumber) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("updatedAt", new Date()));
        if (role != null) {
            updates.add(Updates.set("role", role));
        }
        if (name != null) {
            updates.add(Updates.set("name", name));
        }
        if (Person.date(dateOfBirth) != null) {
            updates.add(Updates.set("dateOfBirth", dateOfBirth));
        }
        if (licenceNumber != null) {
            updates.add(Updates.set("licenceNumber", licenceNumber));
        }
        people.updateOne(Filters.eq("_id", userId), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    public Person find(String userId) {
        return Person.from(people.find(Filters.eq("_id", userId)).first(), userId);
    }
}
