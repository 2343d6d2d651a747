package io.consulta.appointment.store;

import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.domain.WorkingHours;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A doctor's availability as stored (id = doctor id); {@link #toDomain()} gives the rules' view of it. */
@MongoEntity(collection = "availability")
public class AvailabilityRecord {

    @BsonId
    public String doctorId;
    public String timeZone;
    public List<Hours> weeklyHours = new ArrayList<>();
    public List<Hours> dateOverrides = new ArrayList<>();
    public int slotMinutes;
    public int bufferBeforeMinutes;
    public int bufferAfterMinutes;
    public int minimumNoticeMinutes;
    public int horizonDays;
    public int cancellationCutoffHours;
    public List<VisitLength> visitTypes = new ArrayList<>();
    public Instant updatedAt;
    public long version;

    /** Working hours on a weekday ({@code day}) or on one date ({@code date}); no start/end means closed that date. */
    public static class Hours {
        public String day;
        public String date;
        public String start;
        public String end;
    }

    public static class VisitLength {
        public VisitType type;
        public int minutes;
    }

    public Availability toDomain() {
        Map<DayOfWeek, List<WorkingHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Hours hours : weeklyHours) {
            weekly.computeIfAbsent(DayOfWeek.valueOf(hours.day), d -> new ArrayList<>()).add(workingHours(hours));
        }
        Map<LocalDate, List<WorkingHours>> overrides = new TreeMap<>();
        for (Hours hours : dateOverrides) {
            List<WorkingHours> onDate = overrides.computeIfAbsent(LocalDate.parse(hours.date), d -> new ArrayList<>());
            if (hours.start != null) {
                onDate.add(workingHours(hours));
            }
        }
        Map<VisitType, Duration> lengths = new LinkedHashMap<>();
        visitTypes.forEach(visit -> lengths.put(visit.type, Duration.ofMinutes(visit.minutes)));
        return new Availability(ZoneId.of(timeZone), weekly, overrides, Duration.ofMinutes(slotMinutes),
                Duration.ofMinutes(bufferBeforeMinutes), Duration.ofMinutes(bufferAfterMinutes),
                Duration.ofMinutes(minimumNoticeMinutes), Duration.ofDays(horizonDays),
                Duration.ofHours(cancellationCutoffHours), lengths);
    }

    private static WorkingHours workingHours(Hours hours) {
        return new WorkingHours(LocalTime.parse(hours.start), LocalTime.parse(hours.end));
    }
}
