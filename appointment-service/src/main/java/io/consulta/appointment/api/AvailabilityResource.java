package io.consulta.appointment.api;

import io.consulta.appointment.domain.Availability;
import io.consulta.appointment.domain.TimeRange;
import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.store.AvailabilityRecord;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.appointment.service.AvailabilityChanges;
import io.consulta.appointment.service.SlotFinder;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;

@Path("/api/v1/doctors/{doctorId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class AvailabilityResource {

    private static final Duration LONGEST_QUERY = Duration.ofDays(92);

    private final Caller caller;
    private final AvailabilityChanges changes;
    private final PersonRepository people;
    private final SlotFinder slots;
    private final TimeSource time;

    @PUT
    @Path("/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set your weekly hours, date overrides, slot layout and visit types (doctor, own only)")
    public AvailabilityView set(@PathParam("doctorId") String doctorId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull AvailabilityRequest request) {
        DoctorSelf.require(caller, doctorId, "change their availability");
        AvailabilityRules.check(request);
        AvailabilityRecord updated = changes.publish(
                new AvailabilityChanges.Publisher(doctorId, caller.name(), caller.email()),
                AvailabilityView.toRecord(doctorId, request), ifMatch == null ? null : ifMatch.replace("\"", ""));
        return AvailabilityView.of(updated);
    }

    @GET
    @Path("/availability")
    @Operation(summary = "A doctor's published hours")
    public AvailabilityView get(@PathParam("doctorId") String doctorId) {
        return AvailabilityView.of(slots.availabilityOf(doctorId));
    }

    @GET
    @Path("/slots")
    @Operation(summary = "Bookable start times between two instants (at most 92 days), in UTC and on the doctor's clock")
    public SlotsView freeSlots(@PathParam("doctorId") String doctorId, @QueryParam("from") String fromParam,
                               @QueryParam("to") String toParam, @QueryParam("visitType") String visitTypeParam) {
        Instant from = QueryParams.instantOr("from", fromParam, time.now());
        Instant to = QueryParams.instant("to", toParam);
        if (!to.isAfter(from)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_QUERY) > 0) {
            throw ApiException.invalidField("to", "a query spans at most 92 days; page through longer ranges");
        }
        people.bookableDoctor(doctorId).orElseThrow(() -> ApiException.notFound("Doctor", doctorId));
        AvailabilityRecord hours = slots.availabilityOf(doctorId);
        Availability rules = hours.toDomain();
        VisitType type = visitTypeParam == null ? rules.visitLengths().keySet().iterator().next()
                : QueryParams.visitType("visitType", visitTypeParam);
        var free = slots.freeSlots(doctorId, rules, type, new TimeRange(from, to));
        return SlotsView.of(doctorId, hours.timeZone, type, free);
    }
}
