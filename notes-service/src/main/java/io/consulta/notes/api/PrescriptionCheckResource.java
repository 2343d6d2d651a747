package io.consulta.notes.api;

import io.consulta.notes.service.CheckAnswer;
import io.consulta.notes.service.PrescriptionCheck;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For pharmacists, who have no account: is this prescription valid? Rate-limited per client address. */
@Path("/api/v1/prescription-checks")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class PrescriptionCheckResource {

    private final PrescriptionCheck check;

    @GET
    @Path("/{code}")
    @Operation(summary = "valid, cancelled, expired or completed, with the medication names and the issue date; "
            + "never who the patient is. No token needed; 429 with Retry-After when asked too often")
    public CheckAnswer check(@PathParam("code") String code, @Context HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return check.check(code, client);
    }
}
