package io.consulta.appointment.api;

import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.service.TimeOffs;
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
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

@Path("/api/v1/doctors/{doctorId}/time-off")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class TimeOffResource {

    private static final Duration LONGEST = Duration.ofDays(366);

    private final Caller caller;
    private final TimeOffs timeOffs;

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
        TimeOffs.Stretch added = timeOffs.add(doctorId, new TimeRange(request.start(), request.end()), request.reason());
        return Response.created(URI.create("/api/v1/doctors/" + doctorId + "/time-off/" + added.timeOff().id))
                .entity(TimeOffView.of(added)).build();
    }

    @GET
    @Operation(summary = "Your time off that has not ended yet")
    public List<TimeOffView> upcoming(@PathParam("doctorId") String doctorId) {
        DoctorSelf.require(caller, doctorId, "see their time off");
        return timeOffs.upcoming(doctorId).stream().map(TimeOffView::of).toList();
    }

    @DELETE
    @Path("/{timeOffId}")
    @Operation(summary = "Remove time off; its hours become bookable again")
    public Response remove(@PathParam("doctorId") String doctorId, @PathParam("timeOffId") String timeOffId) {
        DoctorSelf.require(caller, doctorId, "change their time off");
        timeOffs.remove(doctorId, timeOffId);
        return Response.noContent().build();
    }
}
