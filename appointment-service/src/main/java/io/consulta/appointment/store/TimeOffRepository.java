package io.consulta.appointment.store;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.consulta.appointment.domain.TimeRange;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

@ApplicationScoped
public class TimeOffRepository implements PanacheMongoRepositoryBase<TimeOff, String> {

    void createIndexes(@Observes StartupEvent event) {
        mongoCollection().createIndex(Indexes.ascending("doctorId", "start"), new IndexOptions().name("doctor_time_off"));
    }

    public List<TimeRange> endingAfter(String doctorId, java.time.Instant instant) {
        return list("doctorId = ?1 and end > ?2", doctorId, instant).stream().map(TimeOff::range).toList();
    }

    /** Time off created at or after {@code since}, by any replica. */
    public List<TimeOff> createdSince(java.time.Instant since) {
        return list("createdAt >= ?1", since);
    }

    public List<TimeOff> upcoming(String doctorId, java.time.Instant now) {
        return list("doctorId = ?1 and end > ?2", Sort.ascending("start"), doctorId, now);
    }
}
