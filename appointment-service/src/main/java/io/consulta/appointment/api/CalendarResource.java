package io.consulta.appointment.api;

import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentQueries;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

@Path("/api/v1/appointments/calendar.ics")
@Authenticated
@RequiredArgsConstructor
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final Caller caller;
    private final AppointmentQueries queries;
    private final PersonRepository people;
    private final TimeSource time;

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "Your visits from 30 days ago to a year ahead as an iCalendar feed")
    public Response feed() {
        boolean doctor = caller.isDoctor();
        if (!doctor && !caller.isPatient()) {
            throw ApiException.forbidden("Only patients and doctors have appointments");
        }
        Instant now = time.now();
        List<Appointment> visits = queries.all(doctor ? AppointmentQueries.Owner.DOCTOR : AppointmentQueries.Owner.PATIENT,
                caller.id(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(366)));
        var names = people.namesOf(visits.stream().flatMap(visit -> Stream.of(visit.doctorId, visit.patientId)).toList());
        return Response.ok(CalendarFeed.render(visits, names, doctor), TEXT_CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"consulta.ics\"").build();
    }
}
