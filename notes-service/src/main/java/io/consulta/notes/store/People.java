package io.consulta.notes.store;

import io.consulta.common.store.GivenFields;
import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Date;

/** Projection of consulta.identity: names, a patient's date of birth and a doctor's licence number. */
@ApplicationScoped
public class People {

    private final MongoCollection<Document> people;

    public People(ServiceDatabase database) {
        this.people = database.collection("people");
    }

    /** Applies the fields an identity event carries; absent fields keep their value. */
    public void apply(String userId, String role, String name, String dateOfBirth, String licenceNumber) {
        GivenFields.updatedAt(new Date()).set("role", role).set("name", name)
                .set("dateOfBirth", Person.date(dateOfBirth) == null ? null : dateOfBirth)
                .set("licenceNumber", licenceNumber).upsert(people, userId);
    }

    public Person find(String userId) {
        return Person.from(people.find(Filters.eq("_id", userId)).first(), userId);
    }
}
