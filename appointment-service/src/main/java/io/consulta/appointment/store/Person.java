package io.consulta.appointment.store;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonIgnore;

import java.time.Instant;

/** What appointment-service knows of a user, projected from consulta.identity: enough to check and to display. */
@MongoEntity(collection = "people")
public class Person {

    public static final String ACTIVE = "ACTIVE";

    @BsonId
    public String id;
    public String role;
    public String status;
    public String name;
    public String email;
    public Instant updatedAt;

    @BsonIgnore
    public boolean isBookableDoctor() {
        return "doctor".equals(role) && ACTIVE.equals(status);
    }
}
