package io.consulta.appointment.service;

import io.consulta.appointment.domain.VisitAction;
import io.consulta.appointment.domain.VisitPermissions;
import io.consulta.appointment.domain.VisitPermissions.Party;
import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Duration;

/**
 * A stored visit as one caller may see and change it: the domain's {@link VisitPermissions} applied to the visit and
 * its doctor's cancellation cut-off. A visit the caller is no party to does not exist for them (404).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class VisitAccess {

    /** The cut-off of a doctor who never published hours. */
    static final Duration DEFAULT_CUTOFF = Duration.ofHours(24);

    private final AppointmentRepository appointments;
    private final AvailabilityRepository availability;
    private final TimeSource time;

    public Appointment visible(Party caller, String id) {
        Appointment visit = appointments.findVisit(id).orElseThrow(() -> notFound(id));
        if (VisitPermissions.see(caller, visit.doctorId, visit.patientId) != VisitPermissions.Verdict.ALLOWED) {
            throw notFound(id);
        }
        return visit;
    }

    Appointment permitted(Party caller, String id, VisitAction action) {
        Appointment visit = visible(caller, id);
        Duration cutoff = availability.findByIdOptional(visit.doctorId)
                .map(hours -> Duration.ofHours(hours.cancellationCutoffHours)).orElse(DEFAULT_CUTOFF);
        switch (VisitPermissions.act(caller, action, visit.doctorId, visit.patientId, visit.start, cutoff, time.now())) {
            case HIDDEN -> throw notFound(id);
            case FORBIDDEN -> throw new ForbiddenException("Only the doctor can record that a visit was "
                    + action.pastTense());
            case TOO_LATE -> throw new ConflictException("Visits can be " + action.pastTense()
                    + " by the patient up to " + cutoff.toHours() + " hours before they start; please contact the practice");
            case ALLOWED -> {
            }
        }
        return visit;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Appointment", id);
    }
}
