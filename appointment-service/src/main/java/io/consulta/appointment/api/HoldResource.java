package io.consulta.appointment.api;

import io.consulta.appointment.service.Bookings;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

@Path("/api/v1/holds")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class HoldResource {

    private final Caller caller;
    private final Bookings bookings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep a free slot for you for a few minutes while you complete the booking; "
            + "a new hold replaces your previous one")
    public Response hold(@Valid @NotNull NewHold request) {
        requirePatient();
        VerifiedEmail.require(caller);
        HoldView hold = HoldView.of(bookings.hold(request.doctorId(), caller.id(), request.start(), request.visitType()));
        return Response.created(URI.create("/api/v1/holds/" + hold.id())).entity(hold).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Let go of your hold")
    public Response release(@PathParam("id") String id) {
        requirePatient();
        bookings.releaseHold(id, caller.id());
        return Response.noContent().build();
    }

    private void requirePatient() {
        if (!caller.isPatient()) {
            throw ApiException.forbidden("Only patients hold slots");
        }
    }
}
