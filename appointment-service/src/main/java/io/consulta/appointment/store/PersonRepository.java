package io.consulta.appointment.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PersonRepository implements PanacheMongoRepositoryBase<Person, String> {

    public Optional<Person> bookableDoctor(String doctorId) {
        return findByIdOptional(doctorId).filter(Person::isBookableDoctor);
    }

    /**
     * A doctor-role token proves Keycloak approved the doctor (the role is granted only on approval), so a doctor who
     * publishes hours before their approval event arrived is known as active; a later identity event still wins.
     */
    public void knowDoctor(String doctorId, String name, String email, Instant now) {
        mongoCollection().updateOne(Filters.eq("_id", doctorId), Updates.combine(
                Updates.setOnInsert("role", "doctor"), Updates.setOnInsert("status", Person.ACTIVE),
                Updates.setOnInsert("name", name), Updates.setOnInsert("email", email),
                Updates.setOnInsert("updatedAt", now)), new UpdateOptions().upsert(true));
    }

    /** Display names of the given users that this service knows. */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        mongoCollection().find(Filters.in("_id", Set.copyOf(userIds)))
                .forEach(person -> {
                    if (person.name != null) {
                        names.put(person.id, person.name);
                    }
                });
        return names;
    }

    /** Applies what an identity event says about a user; fields the event leaves out stay as they were. */
    public void record(String userId, String role, String status, String name, String email, Instant at) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set("updatedAt", at));
        setIfGiven(changes, "role", role);
        setIfGiven(changes, "status", status);
        setIfGiven(changes, "name", name);
        setIfGiven(changes, "email", email);
        mongoCollection().updateOne(Filters.eq("_id", userId), Updates.combine(changes), new UpdateOptions().upsert(true));
    }

    private static void setIfGiven(List<Bson> changes, String field, String value) {
        if (value != null) {
            changes.add(Updates.set(field, value));
        }
    }
}
