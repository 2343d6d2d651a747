package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonIgnore;

import java.time.Instant;

@MongoEntity(collection = "time_off")
public class TimeOff {

    @BsonId
    public String id;
    public String doctorId;
    public Instant start;
    public Instant end;
    public String reason;
    public Instant createdAt;

    @BsonIgnore
    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
