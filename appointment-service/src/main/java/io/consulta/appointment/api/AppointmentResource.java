package io.consulta.appointment.api;

import io.consulta.appointment.domain.VisitAction;
import io.consulta.common.domain.WireNames;
import io.consulta.appointment.domain.VisitPermissions.Party;
import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentQueries;
import io.consulta.appointment.service.Bookings;
import io.consulta.appointment.service.VisitAccess;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.appointment.service.VisitChanges;
import io.consulta.common.identity.Caller;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

@Path("/api/v1/appointments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class AppointmentResource {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final Caller caller;
    private final Bookings bookings;
    private final VisitChanges changes;
    private final VisitAccess access;
    private final AppointmentQueries queries;
    private final PersonRepository people;
    private final TimeSource time;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a free slot (patient); send an Idempotency-Key to make a retry safe")
    public Response book(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull NewAppointment request) {
        if (!caller.isPatient()) {
            throw ApiException.forbidden("Only patients book visits");
        }
        VerifiedEmail.require(caller);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiException.invalidField("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        Bookings.Booked booked = bookings.book(new Bookings.BookingRequest(request.doctorId(), caller.id(),
                request.start(), request.visitType(), request.reason(), idempotencyKey, request.holdId()));
        return Response.created(URI.create("/api/v1/appointments/" + booked.appointment().id))
                .header("Idempotent-Replayed", booked.replayed())
                .entity(view(booked.appointment())).build();
    }

    @GET
    @Operation(summary = "Your visits (patient) or your schedule (doctor), by start time, paged")
    public Page<AppointmentView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("status") String status, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        Instant now = time.now();
        Instant since = QueryParams.instantOr("from", from, now.minus(Duration.ofDays(90)));
        Instant until = QueryParams.instantOr("to", to, since.plus(Duration.ofDays(455)));
        AppointmentQueries.Slice slice = queries.list(owner(), caller.id(), since, until,
                status == null ? null : QueryParams.status("status", status), Limit.parse(limit, 20, 100), cursor);
        var names = people.namesOf(slice.items().stream()
                .flatMap(visit -> Stream.of(visit.doctorId, visit.patientId)).toList());
        return new Page<>(slice.items().stream().map(visit -> AppointmentView.of(visit, names)).toList(),
                slice.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your visits")
    public AppointmentView get(@PathParam("id") String id) {
        return view(access.visible(party(), id));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move to another free slot: the old slot is freed only if the new one is taken")
    public AppointmentView reschedule(@PathParam("id") String id, @Valid @NotNull Reschedule request) {
        return view(changes.reschedule(party(), id, request.start(), request.visitType()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel (patient until the doctor's cut-off, doctor any time); the slot becomes free")
    public AppointmentView cancel(@PathParam("id") String id, @Valid Cancellation request) {
        return view(changes.cancel(party(), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/{step: check-in|start|complete|no-show}")
    @Operation(summary = "Run the day (doctor): check-in (the patient has arrived), start (the visit begins), "
            + "complete (the visit took place), no-show (the patient did not come, once the visit should have begun)")
    public AppointmentView doctorStep(@PathParam("id") String id, @PathParam("step") String step) {
        VisitAction action = WireNames.parse(VisitAction.class, step).orElseThrow(); // the path admits only these four
        return view(changes.record(party(), id, action));
    }

    private Party party() {
        return new Party(caller.id(), caller.isPatient(), caller.isDoctor());
    }

    private AppointmentQueries.Owner owner() {
        if (caller.isDoctor()) {
            return AppointmentQueries.Owner.DOCTOR;
        }
        if (caller.isPatient()) {
            return AppointmentQueries.Owner.PATIENT;
        }
        throw ApiException.forbidden("Only patients and doctors have appointments");
    }

    private AppointmentView view(Appointment visit) {
        return AppointmentView.of(visit, people.namesOf(List.of(visit.doctorId, visit.patientId)));
    }
}
