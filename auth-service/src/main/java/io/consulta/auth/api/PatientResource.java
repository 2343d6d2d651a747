package io.consulta.auth.api;

import io.consulta.auth.domain.PatientAccess;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.identity.Caller;
import io.consulta.common.identity.Role;
import io.consulta.common.problem.ApiException;
import io.consulta.common.store.AuditLog;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

@Path("/api/v1/patients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final Caller caller;
    private final ProfileRepository profiles;
    private final CareRelationships relationships;
    private final AuditLog audit;

    public PatientResource(Caller caller, ProfileRepository profiles, CareRelationships relationships, AuditLog audit) {
        this.caller = caller;
        this.profiles = profiles;
        this.relationships = relationships;
        this.audit = audit;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A patient's profile: for the patient, and for doctors caring for them; admins see account state")
    public Object patient(@PathParam("id") String id) {
        Profile patient = profiles.findByIdOptional(id).filter(p -> Role.PATIENT.equals(p.role))
                .orElseThrow(() -> ApiException.notFound("Patient", id));
        boolean doctor = caller.isDoctor();
        PatientAccess.Level level = PatientAccess.of(caller.id(), doctor, caller.isAdmin(), id,
                doctor && relationships.exists(caller.id(), id));
        return switch (level) {
            case FULL -> {
                if (!caller.id().equals(id)) {
                    audit.record(caller.id(), "read patient profile", id);
                }
                yield ProfileView.of(patient, Set.of());
            }
            case ACCOUNT_STATE -> AccountState.of(patient);
            case NONE -> throw ApiException.notFound("Patient", id);
        };
    }
}
