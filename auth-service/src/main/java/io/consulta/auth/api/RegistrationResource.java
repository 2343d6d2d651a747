package io.consulta.auth.api;

import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.service.Accounts;
import io.consulta.auth.store.Profile;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@Path("/api/v1/registrations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class RegistrationResource {

    private final Accounts accounts;
    private final SignUpLimit limit;

    @POST
    @Operation(summary = "Sign up as a patient (active at once) or a doctor (pending until an admin approves)")
    public Response register(@Valid @NotNull RegistrationRequest request, UriInfo uri,
                             @Context HttpServerRequest http) {
        limit.check(http);
        SignUpRules.check(request);
        Profile profile = accounts.register(draftOf(request), request.password());
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/me").build())
                .entity(ProfileView.of(profile, Set.of())).build();
    }

    private static Profile draftOf(RegistrationRequest request) {
        Profile profile = new Profile();
        boolean doctor = "doctor".equals(request.role());
        profile.role = request.role();
        profile.status = doctor ? AccountStatus.PENDING : AccountStatus.ACTIVE;
        profile.email = request.email().trim();
        profile.emailLower = Names.searchable(request.email());
        profile.name = request.name().trim();
        profile.nameLower = Names.searchable(request.name());
        profile.phone = request.phone();
        profile.createdAt = Instant.now();
        profile.updatedAt = profile.createdAt;
        if (doctor) {
            profile.specialty = request.specialty().trim();
            profile.specialtyLower = Names.searchable(request.specialty());
            profile.licenceNumber = request.licenceNumber().trim();
            profile.bio = request.bio();
            profile.languages = request.languages().stream().map(Names::searchable).distinct().toList();
            profile.clinicAddress = request.clinicAddress();
            profile.consultationFee = request.consultationFee();
        } else {
            profile.dateOfBirth = request.dateOfBirth();
            profile.languages = List.of();
        }
        return profile;
    }
}
