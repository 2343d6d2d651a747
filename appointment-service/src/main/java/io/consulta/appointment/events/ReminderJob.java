package io.consulta.appointment.events;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.AppointmentEvents.AppointmentData;
import io.consulta.common.events.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Publishes appointment.reminder-due when a visit's next reminder falls due. The due time lives on the visit itself,
 * and each reminder is sent by one conditional update that also moves the due time on: a restart resumes where it
 * stopped, and two replicas racing for one reminder send it once.
 */
@ApplicationScoped
public class ReminderJob {

    private static final int BATCH = 200;

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availability;
    private final Outbox outbox;
    private final TimeSource time;

    public ReminderJob(AppointmentRepository appointments, AvailabilityRepository availability, Outbox outbox,
                       TimeSource time) {
        this.appointments = appointments;
        this.availability = availability;
        this.outbox = outbox;
        this.time = time;
    }

    @Scheduled(every = "${consulta.reminders.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDue(time.now());
    }

    /** Sends every reminder due at {@code now}; returns how many were sent. */
    public int sendDue(Instant now) {
        List<String> sent = new ArrayList<>();
        List<Appointment> due = appointments.mongoCollection().find(Filters.and(
                Filters.lte("nextReminderAt", Date.from(now)), Filters.eq("kind", Appointment.VISIT),
                Filters.eq("status", AppointmentStatus.BOOKED.name()))).limit(BATCH).into(new ArrayList<>());
        for (Appointment visit : due) {
            if (send(visit, now)) {
                sent.add(visit.id);
            }
        }
        if (!sent.isEmpty()) {
            outbox.flush(sent);
        }
        return sent.size();
    }

    private boolean send(Appointment visit, Instant now) {
        List<Bson> changes = new ArrayList<>();
        Optional<Reminders.Reminder> due = Reminders.dueAt(visit.start, now);
        due.ifPresent(reminder -> {
            String timeZone = availability.findByIdOptional(visit.doctorId).map(hours -> hours.timeZone).orElse(null);
            AppointmentData data = visit.eventData(timeZone).reminding(reminder.kind());
            changes.add(Updates.push(Outbox.FIELD,
                    outbox.event(AppointmentEvents.TOPIC, AppointmentEvents.REMINDER_DUE, visit.id, data)));
        });
        Reminders.nextAfter(visit.start, now).ifPresentOrElse(next -> {
            changes.add(Updates.set("nextReminderAt", next.at()));
            changes.add(Updates.set("nextReminderKind", next.kind()));
        }, () -> {
            changes.add(Updates.unset("nextReminderAt"));
            changes.add(Updates.unset("nextReminderKind"));
        });
        long updated = appointments.mongoCollection().updateOne(Filters.and(Filters.eq("_id", visit.id),
                Filters.eq("nextReminderAt", Date.from(visit.nextReminderAt))), Updates.combine(changes))
                .getModifiedCount();
        return updated == 1 && due.isPresent();
    }
}
