package io.consulta.appointment.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.common.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A patient's visits or a doctor's schedule, in start order, paged by an opaque cursor (start and id of the last). */
@ApplicationScoped
@RequiredArgsConstructor
public class AppointmentQueries {

    public record Slice(List<Appointment> items, String nextCursor) {
    }

    @RequiredArgsConstructor
    public enum Owner {
        PATIENT("patientId"), DOCTOR("doctorId");

        private final String field;
    }

    private final AppointmentRepository appointments;

    public Slice list(Owner owner, String userId, Instant from, Instant to, AppointmentStatus status, int limit,
                      String cursor) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(owner.field, userId),
                Filters.eq("kind", Appointment.VISIT),
                Filters.gte("start", Date.from(from)), Filters.lt("start", Date.from(to))));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        Position after = Cursor.decode(cursor, 2,
                parts -> new Position(Instant.ofEpochMilli(Long.parseLong(parts.get(0))), parts.get(1)));
        if (after != null) {
            filters.add(Filters.or(Filters.gt("start", Date.from(after.start())),
                    Filters.and(Filters.eq("start", Date.from(after.start())), Filters.gt("_id", after.id()))));
        }
        List<Appointment> page = appointments.mongoCollection().find(Filters.and(filters))
                .sort(Sorts.ascending("start", "_id")).limit(limit + 1).into(new ArrayList<>());
        if (page.size() <= limit) {
            return new Slice(page, null);
        }
        List<Appointment> items = page.subList(0, limit);
        Appointment last = items.getLast();
        return new Slice(List.copyOf(items), Cursor.encode(Long.toString(last.start.toEpochMilli()), last.id));
    }

    public List<Appointment> all(Owner owner, String userId, Instant from, Instant to) {
        return appointments.mongoCollection().find(Filters.and(Filters.eq(owner.field, userId),
                        Filters.eq("kind", Appointment.VISIT), Filters.gte("start", Date.from(from)),
                        Filters.lt("start", Date.from(to))))
                .sort(Sorts.ascending("start", "_id")).limit(5000).into(new ArrayList<>());
    }

    private record Position(Instant start, String id) {
    }
}
