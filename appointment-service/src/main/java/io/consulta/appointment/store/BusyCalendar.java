package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each doctor's taken times (visits on the calendar, live holds and time off), kept in memory so that listing free slots does not
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

    /** A doctor's taken times, with a by-start ordering made once after each change rather than on every read. */
    private static final class Entry {

        private final Map<String, Busy> byId;
        private final List<TimeRange> timeOff;
        private final long loadedAtNanos;
        private volatile List<Busy> byStart;

        Entry(Map<String, Busy> byId, List<TimeRange> timeOff, long loadedAtNanos) {
            this.byId = byId;
            this.timeOff = timeOff;
            this.loadedAtNanos = loadedAtNanos;
        }

        long loadedAtNanos() {
            return loadedAtNanos;
        }

        void put(Busy busy) {
            byId.put(busy.id(), busy);
            byStart = null;
        }

        void remove(String id) {
            byId.remove(id);
            byStart = null;
        }

        List<Busy> byStart() {
            List<Busy> sorted = byStart;
            if (sorted == null) {
                sorted = byId.values().stream().sorted(BY_START).toList();
                byStart = sorted;
            }
            return sorted;
        }
    }

    private static final Comparator<Busy> BY_START = Comparator.comparing(busy -> busy.range().start());

    private final AppointmentRepository appointments;
    private final TimeOffRepository timeOff;
    private final Duration refreshAfter;
    private final Map<String, Entry> byDoctor = new ConcurrentHashMap<>();

    public BusyCalendar(AppointmentRepository appointments, TimeOffRepository timeOff,
                        @ConfigProperty(name = "consulta.slots.refresh-after", defaultValue = "PT2S") Duration refreshAfter) {
        this.appointments = appointments;
        this.timeOff = timeOff;
        this.refreshAfter = refreshAfter;
    }

    /** Taken times overlapping {@code window}, by start, leaving out {@code excludingId} (a visit being moved). */
    public List<TimeRange> busy(String doctorId, TimeRange window, Instant now, String excludingId) {
        List<TimeRange> busy = new ArrayList<>();
        for (Busy taken : entry(doctorId, now).byStart()) {
            if (!taken.range().start().isBefore(window.end())) {
                break;
            }
            if (taken.liveAt(now) && taken.range().overlaps(window) && !taken.id().equals(excludingId)) {
                busy.add(taken.range());
            }
        }
        return busy;
    }

    /** The doctor's time off overlapping {@code window}. */
    public List<TimeRange> timeOff(String doctorId, TimeRange window, Instant now) {
        return entry(doctorId, now).timeOff.stream().filter(away -> away.overlaps(window)).toList();
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
            entry.put(new Busy(written.id, written.visit(), written.holdExpiresAt));
        } else {
            entry.remove(written.id);
        }
    }

    public void forget(String doctorId, String appointmentId) {
        Entry entry = byDoctor.get(doctorId);
        if (entry != null) {
            entry.remove(appointmentId);
        }
    }

    private Entry entry(String doctorId, Instant now) {
        Entry entry = byDoctor.get(doctorId);
        if (entry == null || System.nanoTime() - entry.loadedAtNanos() > refreshAfter.toNanos()) {
            Map<String, Busy> loaded = new ConcurrentHashMap<>();
            appointments.busyFrom(doctorId, now).forEach(busy -> loaded.put(busy.id(), busy));
            entry = new Entry(loaded, timeOff.endingAfter(doctorId, now), System.nanoTime());
            byDoctor.put(doctorId, entry);
        }
        return entry;
    }
}
