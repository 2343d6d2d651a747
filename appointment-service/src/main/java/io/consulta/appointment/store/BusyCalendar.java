package io.consulta.appointment.store;

import io.consulta.appointment.domain.TimeRange;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each doctor's taken times (visits on the calendar, live holds and time off), kept in memory so that listing free
 * slots and checking a booking do not read the doctor's visits on every request. This replica's own writes apply at
 * once. Other replicas' writes arrive by one poll of everything written since the previous poll, every
 * {@code consulta.slots.refresh-after}: one read for all doctors, where re-reading each doctor's visits on expiry
 * scanned the collection once per doctor (the MongoDB-protocol server here serves no secondary index) and made
 * bookings queue behind those scans. What a poll cannot see — a hold released or time off removed on another replica
 * — keeps a slot hidden a little longer, never bookable twice: each doctor is read whole again after
 * {@code consulta.slots.reload-after}, and the unique claims index decides every booking; a "taken" answer re-reads
 * the doctor before refusing. A doctor nobody asked about for that long is dropped, so memory follows the doctors in
 * demand, not all doctors.
 */
@ApplicationScoped
public class BusyCalendar {

    private static final Logger LOG = Logger.getLogger(BusyCalendar.class);
    /** Writes are stamped by their replica's clock: re-read a margin before the last poll (applying twice is harmless). */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    /** What keeps a doctor busy: a visit or a hold ({@code holdExpiresAt} set) occupying {@code range}. */
    public record Busy(String id, TimeRange range, Instant holdExpiresAt) {

        boolean liveAt(Instant now) {
            return holdExpiresAt == null || holdExpiresAt.isAfter(now);
        }
    }

    private final CalendarStore store;
    private final Duration reloadAfter;
    private final Map<String, DoctorEntry> byDoctor = new ConcurrentHashMap<>();
    private volatile Instant lastPoll;

    /** Monotonic nanoseconds (System::nanoTime); tests pass their own to move time on without sleeping. */
    private final LongSupplier ticker;

    @Inject
    public BusyCalendar(CalendarStore store,
                        @ConfigProperty(name = "consulta.slots.reload-after", defaultValue = "PT10M") Duration reloadAfter) {
        this(store, reloadAfter, System::nanoTime);
    }

    public BusyCalendar(CalendarStore store, Duration reloadAfter, LongSupplier ticker) {
        this.store = store;
        this.reloadAfter = reloadAfter;
        this.ticker = ticker;
        this.lastPoll = Instant.now();
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
        return entry(doctorId, now).timeOff().stream().filter(away -> away.overlaps(window)).toList();
    }

    /** Drops what is known of the doctor, so the next question reads the store. */
    public void refresh(String doctorId) {
        byDoctor.remove(doctorId);
    }

    /** Applies a write this replica made. */
    public void record(Appointment written) {
        apply(written.doctorId, new Busy(written.id, written.visit(), written.holdExpiresAt),
                Appointment.takesTime(written.kind, written.status));
    }

    public void forget(String doctorId, String appointmentId) {
        DoctorEntry entry = byDoctor.get(doctorId);
        if (entry != null) {
            entry.remove(appointmentId);
        }
    }

    /** Reads what every replica wrote since the previous poll into the doctors held here. */
    @Scheduled(every = "${consulta.slots.refresh-after:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        long idleSince = ticker.getAsLong() - reloadAfter.toNanos();
        byDoctor.values().removeIf(entry -> entry.lastReadNanos < idleSince);
        if (byDoctor.isEmpty()) {
            lastPoll = Instant.now();
            return;
        }
        Instant started = Instant.now();
        Instant since = lastPoll.minus(CLOCK_MARGIN);
        try {
            store.changedSince(since).forEach(change -> apply(change.doctorId(), change.busy(), change.takesTime()));
            store.timeOffCreatedSince(since).forEach(away -> {
                DoctorEntry entry = byDoctor.get(away.doctorId);
                if (entry != null) {
                    entry.addTimeOff(away.range());
                }
            });
            lastPoll = started;
        } catch (RuntimeException e) {
            LOG.warnf("Could not read other replicas' calendar changes (%s); retrying at the next poll", e.getMessage());
        }
    }

    private void apply(String doctorId, Busy busy, boolean takesTime) {
        DoctorEntry entry = byDoctor.get(doctorId);
        if (entry == null) {
            return;
        }
        if (takesTime) {
            entry.put(busy);
        } else {
            entry.remove(busy.id());
        }
    }

    private DoctorEntry entry(String doctorId, Instant now) {
        DoctorEntry entry = byDoctor.get(doctorId);
        if (entry == null || ticker.getAsLong() - entry.loadedAtNanos > reloadAfter.toNanos()) {
            Map<String, Busy> loaded = new ConcurrentHashMap<>();
            store.busyFrom(doctorId, now).forEach(busy -> loaded.put(busy.id(), busy));
            entry = new DoctorEntry(loaded, store.timeOffEndingAfter(doctorId, now), ticker.getAsLong());
            byDoctor.put(doctorId, entry);
        }
        entry.lastReadNanos = ticker.getAsLong();
        return entry;
    }

    /** A doctor's taken times, with a by-start ordering made once after each change rather than on every read. */
    private static final class DoctorEntry {

        private static final Comparator<Busy> BY_START = Comparator.comparing(busy -> busy.range().start());

        private final Map<String, Busy> byId;
        private final CopyOnWriteArrayList<TimeRange> timeOff;
        private final long loadedAtNanos;
        private volatile long lastReadNanos;
        private volatile List<Busy> byStart;

        DoctorEntry(Map<String, Busy> byId, List<TimeRange> timeOff, long loadedAtNanos) {
            this.byId = byId;
            this.timeOff = new CopyOnWriteArrayList<>(timeOff);
            this.loadedAtNanos = loadedAtNanos;
        }

        void put(Busy busy) {
            byId.put(busy.id(), busy);
            byStart = null;
        }

        void remove(String id) {
            byId.remove(id);
            byStart = null;
        }

        void addTimeOff(TimeRange away) {
            timeOff.addIfAbsent(away);
        }

        List<TimeRange> timeOff() {
            return timeOff;
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
}
