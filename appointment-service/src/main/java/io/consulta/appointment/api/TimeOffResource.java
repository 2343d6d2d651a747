package io.consulta.appointment.api;

import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.store.AppointmentRepository;
import io.consulta.appointment.store.TimeOff;
import io.consulta.appointment.store.BusyCalendar;
import io.consulta.appointment.store.TimeOffRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/doctors/{doctorId}/time-off")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TimeOffResource {

    private static final Duration LONGEST = Duration.ofDays(366);

    private final Caller caller;
    private final TimeOffRepository timeOff;
    private final AppointmentRepository appointments;
    private final BusyCalendar calendar;
    private final TimeSource time;

    public TimeOffResource(Caller caller, TimeOffRepository timeOff, AppointmentRepository appointments,
                           BusyCalendar calendar, TimeSource time) {
        this.caller = caller;
        this.timeOff = timeOff;
        this.appointments = appointments;
        this.calendar = calendar;
        this.time = time;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block time (holiday, conference); visits already booked in it stay and are listed back")
    public Response add(@PathParam("doctorId") String doctorId, @Valid @NotNull TimeOffRequest request) {
        DoctorSelf.require(caller, doctorId, "change their time off");
        if (!request.end().isAfter(request.start())) {
            throw ApiException.invalidField("end", "must be after start");
        }
        if (Duration.between(request.start(), request.end()).compareTo(LONGEST) > 0) {
            throw ApiException.invalidField("end", "time off spans at most a year; add another stretch after it");
        }
        TimeOff entry = new TimeOff();
        entry.id = UUID.randomUUID().toString();
        entry.doctorId = doctorId;
        entry.start = request.start();
        entry.end = request.end();
        entry.reason = request.reason();
        entry.createdAt = time.now();
        timeOff.persist(entry);
        calendar.refresh(doctorId);
        List<String> overlapping = appointments.bookedWithin(doctorId, new TimeRange(entry.start, entry.end));
        return Response.created(URI.create("/api/v1/doctors/" + doctorId + "/time-off/" + entry.id))
                .entity(TimeOffView.of(entry, overlapping)).build();
    }

    @GET
    @Operation(summary = "Your time off that has not ended yet")
    public List<TimeOffView> upcoming(@PathParam("doctorId") String doctorId) {
        DoctorSelf.require(caller, doctorId, "see their time off");
        return timeOff.upcoming(doctorId, time.now()).stream()
                .map(entry -> TimeOffView.of(entry, appointments.bookedWithin(doctorId, entry.range()))).toList();
    }

    @DELETE
    @Path("/{timeOffId}")
    @Operation(summary = "Remove time off; its hours become bookable again")
    public Response remove(@PathParam("doctorId") String doctorId, @PathParam("timeOffId") String timeOffId) {
        DoctorSelf.require(caller, doctorId, "change their time off");
        long deleted = timeOff.delete("_id = ?1 and doctorId = ?2", timeOffId, doctorId);
        if (deleted == 0) {
            throw ApiException.notFound("Time off", timeOffId);
        }
        calendar.refresh(doctorId);
        return Response.noContent().build();
    }
}
