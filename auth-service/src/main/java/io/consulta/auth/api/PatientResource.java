package io.consulta.auth.api;

import io.consulta.auth.service.PatientRecords;
import io.consulta.common.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

@Path("/api/v1/patients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class PatientResource {

    private final Caller caller;
    private final PatientRecords records;

    @GET
    @Path("/{id}")
    @Operation(summary = "A patient's profile: for the patient, and for doctors caring for them; admins see account state")
    public Object patient(@PathParam("id") String id) {
        PatientRecords.Read read = records.read(caller, id);
        return switch (read.level()) {
            case FULL -> ProfileView.of(read.patient(), Set.of());
            case ACCOUNT_STATE -> AccountState.of(read.patient());
            case NONE -> throw new IllegalStateException("PatientRecords answers 404 for no access");
        };
    }
}
