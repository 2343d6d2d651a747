package io.consulta.appointment.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.consulta.common.store.GivenFields;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PersonRepository implements PanacheMongoRepositoryBase<Person, String> {

    /**
     * Every list of visits shows the names of the people in it: kept here for a while so that a list is one query, not
     * two. A change this replica applies is seen at once; one another replica applies, within {@link #NAMES_KEPT}.
     */
    static final Duration NAMES_KEPT = Duration.ofMinutes(1);
    private static final int MAX_NAMES = 20_000;

    /** A person's display name, or empty when this service knows no name for them. */
    private final Cache<String, Optional<String>> names = Caffeine.newBuilder().maximumSize(MAX_NAMES)
            .expireAfterWrite(NAMES_KEPT).build();

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
        names.invalidate(doctorId);
    }

    /** Display names of the given users that this service knows. */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, Optional<String>> known = names.getAll(Set.copyOf(userIds), this::namesStored);
        Map<String, String> shown = new HashMap<>();
        known.forEach((id, name) -> name.ifPresent(n -> shown.put(id, n)));
        return shown;
    }

    private Map<String, Optional<String>> namesStored(Set<? extends String> userIds) {
        Map<String, Optional<String>> found = new HashMap<>();
        userIds.forEach(id -> found.put(id, Optional.empty()));
        mongoCollection().find(Filters.in("_id", userIds)).forEach(person -> found.put(person.id,
                Optional.ofNullable(person.name)));
        return found;
    }

    /** Applies what an identity event says about a user; fields the event leaves out stay as they were. */
    public void record(String userId, String role, String status, String name, String email, Instant at) {
        GivenFields.updatedAt(at).set("role", role).set("status", status).set("name", name).set("email", email)
                .upsert(mongoCollection(), userId);
        names.invalidate(userId);
    }
}
