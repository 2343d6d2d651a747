package io.consulta.auth.api;

import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.auth.service.Accounts;
import io.consulta.common.identity.Caller;
import io.consulta.common.identity.Role;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class MeResource {

    private static final Set<String> APP_ROLES = Set.of(Role.PATIENT, Role.DOCTOR, Role.ADMIN);

    private final Caller caller;
    private final ProfileRepository profiles;
    private final Accounts accounts;

    @GET
    @Operation(summary = "Your own profile; a first call creates it for accounts made outside sign-up")
    public Response me() {
        Profile profile = profiles.findByIdOptional(caller.id()).orElseGet(() -> accounts.provision(fromToken()));
        return Response.ok(ProfileView.of(profile, roles())).tag(etag(profile.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace your editable profile fields; send the version read (If-Match or body), 412 if stale")
    public Response update(@Valid @NotNull ProfileUpdate update, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long expected = expectedVersion(ifMatch, update.version());
        Profile updated = accounts.update(caller.id(), expected, update.toChange());
        return Response.ok(ProfileView.of(updated, roles())).tag(etag(updated.version)).build();
    }

    private static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("If-Match must carry the ETag you read, e.g. \"3\"");
            }
        }
        if (bodyVersion == null) {
            throw ApiException.preconditionRequired("Send the version you read, as If-Match or as \"version\"");
        }
        return bodyVersion;
    }

    private Profile fromToken() {
        Profile profile = new Profile();
        profile.id = caller.id();
        profile.role = caller.isDoctor() ? Role.DOCTOR : caller.isAdmin() ? Role.ADMIN : Role.PATIENT;
        profile.status = AccountStatus.ACTIVE;
        profile.email = caller.email() != null ? caller.email() : caller.id();
        profile.emailLower = Names.searchable(profile.email);
        profile.name = caller.name() != null ? caller.name() : profile.email;
        profile.nameLower = Names.searchable(profile.name);
        profile.createdAt = Instant.now();
        profile.updatedAt = profile.createdAt;
        return profile;
    }

    private Set<String> roles() {
        Set<String> roles = new TreeSet<>(caller.roles());
        roles.retainAll(APP_ROLES);
        return roles;
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
