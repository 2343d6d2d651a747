package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each doctor's taken times (visits on the calendar and live holds), kept in memory so that listing free slots does not
 * read every visit of the doctor on every request. This replica's own writes update it at once; what other replicas
 * wrote shows up within {@code consulta.slots.refresh-after}. A stale answer can only make a listed slot fail to book
 * with 409 (the unique claims index decides) or, when it says "taken", a fresh read is made before refusing.
 */
@ApplicationScoped
public class BusyCalendar {

    /** What keeps a doctor busy: a visit or a hold ({@code holdExpiresAt} set) occupying {@code range}. */
    public record Busy(String id, TimeRange range, Instant holdExpiresAt) {

        boolean liveAt(Instant now) {
            return holdExpiresAt == null || holdExpiresAt.isAfter(now);
        }
    }

    private record Entry(Map<String, Busy> byId, long loadedAtNanos) {
    }

    private final AppointmentRepository appointments;
    private final Duration refreshAfter;
    private final Map<String, Entry> byDoctor = new ConcurrentHashMap<>();

    public BusyCalendar(AppointmentRepository appointments,
                        @ConfigProperty(name = "consulta.slots.refresh-after", defaultValue = "PT2S") Duration refreshAfter) {
        this.appointments = appointments;
        this.refreshAfter = refreshAfter;
    }

    /** Taken times overlapping {@code window}, leaving out {@code excludingId} (a visit being moved). */
    public List<TimeRange> busy(String doctorId, TimeRange window, Instant now, String excludingId) {
        List<TimeRange> busy = new ArrayList<>();
        for (Busy taken : entry(doctorId, now).byId().values()) {
            if (taken.liveAt(now) && taken.range().overlaps(window) && !taken.id().equals(excludingId)) {
                busy.add(taken.range());
            }
        }
        return busy;
    }

    /** Drops what is known of the doctor, so the next question reads the store. */
    public void refresh(String doctorId) {
        byDoctor.remove(doctorId);
    }

    /** Applies a write this replica made. */
    public void record(Appointment written) {
        Entry entry = byDoctor.get(written.doctorId);
        if (entry == null) {
            return;
        }
        boolean takesTime = written.isHold() || (written.status != null && written.status.holdsSlot());
        if (takesTime) {
            entry.byId().put(written.id, new Busy(written.id, written.visit(), written.holdExpiresAt));
        } else {
            entry.byId().remove(written.id);
        }
    }

    public void forget(String doctorId, String appointmentId) {
        Entry entry = byDoctor.get(doctorId);
        if (entry != null) {
            entry.byId().remove(appointmentId);
        }
    }

    private Entry entry(String doctorId, Instant now) {
        Entry entry = byDoctor.get(doctorId);
        if (entry == null || System.nanoTime() - entry.loadedAtNanos() > refreshAfter.toNanos()) {
            Map<String, Busy> loaded = new ConcurrentHashMap<>();
            appointments.busyFrom(doctorId, now).forEach(busy -> loaded.put(busy.id(), busy));
            entry = new Entry(loaded, System.nanoTime());
            byDoctor.put(doctorId, entry);
        }
        return entry;
    }
}
