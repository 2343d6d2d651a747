package io.consulta.appointment.api;

import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.store.Appointment;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The caller's visits as an iCalendar (RFC 5545) feed. Cancelled visits stay in it as STATUS:CANCELLED so that
 * subscribed calendars remove them. The visit reason is left out: calendar feeds end up in third-party services.
 */
final class CalendarFeed {

    private CalendarFeed() {
    }

    static String render(List<Appointment> visits, Map<String, String> names, boolean forDoctor) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Consulta//Appointments 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (Appointment visit : visits) {
            calendar.add(event(visit, names, forDoctor));
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the calendar feed could not be written", e);
        }
        return ics.toString();
    }

    private static VEvent event(Appointment visit, Map<String, String> names, boolean forDoctor) {
        String other = forDoctor ? names.getOrDefault(visit.patientId, "a patient")
                : names.getOrDefault(visit.doctorId, "your doctor");
        String kind = visit.visitType == VisitType.VIDEO ? "Video visit" : "Visit";
        VEvent event = new VEvent(visit.start, visit.end, kind + " with " + other);
        event.add(new Uid(visit.id + "@consulta"));
        event.add(new Sequence((int) visit.version));
        event.add(new Location(visit.visitType == VisitType.VIDEO ? "Video call (Consulta)" : "In person"));
        event.add(status(visit.status));
        return event;
    }

    private static Status status(AppointmentStatus status) {
        return status == AppointmentStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED;
    }
}
