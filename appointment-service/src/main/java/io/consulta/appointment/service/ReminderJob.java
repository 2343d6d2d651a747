package io.consulta.appointment.service;

import io.consulta.appointment.domain.Reminders;
import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.common.contracts.AppointmentEvents.AppointmentData;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes appointment.reminder-due when a visit's next reminder falls due. The due time lives on the visit itself,
 * and each reminder is sent by one conditional update that also moves the due time on: a restart resumes where it
 * stopped, and two replicas racing for one reminder send it once.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ReminderJob {

    private static final int BATCH = 200;

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availability;
    private final Outbox outbox;
    private final TimeSource time;

    @Scheduled(every = "${consulta.reminders.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDue(time.now());
    }

    /** Sends every reminder due at {@code now}; returns how many were sent. */
    public int sendDue(Instant now) {
        List<String> sent = new ArrayList<>();
        for (Appointment visit : appointments.remindersDue(now, BATCH)) {
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
        Optional<Reminders.Reminder> due = Reminders.dueAt(visit.start, now);
        OutboxEntry event = due.map(reminder -> {
            String timeZone = availability.findByIdOptional(visit.doctorId).map(hours -> hours.timeZone).orElse(null);
            AppointmentData data = visit.eventData(timeZone).reminding(reminder.kind());
            return outbox.event(AppointmentEvents.TOPIC, AppointmentEvents.REMINDER_DUE, visit.id, data);
        }).orElse(null);
        boolean moved = appointments.moveReminder(visit, event, Reminders.nextAfter(visit.start, now).orElse(null));
        return moved && event != null;
    }
}
