package io.consulta.auth.api;

import com.mongodb.client.model.Updates;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.AccountStore;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
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
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private static final Set<String> APP_ROLES = Set.of(Role.PATIENT, Role.DOCTOR, Role.ADMIN);

    private final Caller caller;
    private final ProfileRepository profiles;
    private final AccountStore accounts;

    public MeResource(Caller caller, ProfileRepository profiles, AccountStore accounts) {
        this.caller = caller;
        this.profiles = profiles;
        this.accounts = accounts;
    }

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
        Profile current = profiles.findByIdOptional(caller.id())
                .orElseThrow(() -> ApiException.notFound("Profile", caller.id()));
        List<Bson> changes = changes(update, current.isDoctor());
        Profile updated = accounts.update(current.id, expected, changes, preview -> apply(update, preview));
        return Response.ok(ProfileView.of(updated, roles())).tag(etag(updated.version)).build();
    }

    private static List<Bson> changes(ProfileUpdate update, boolean doctor) {
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.set("name", update.name().trim()),
                Updates.set("nameLower", Names.searchable(update.name())),
                Updates.set("phone", update.phone()),
                Updates.set("photoMediaId", update.photoMediaId())));
        if (doctor) {
            if (update.specialty() == null || update.specialty().isBlank()) {
                throw ApiException.invalidField("specialty", "is required for doctors");
            }
            changes.add(Updates.set("specialty", update.specialty().trim()));
            changes.add(Updates.set("specialtyLower", Names.searchable(update.specialty())));
            changes.add(Updates.set("bio", update.bio()));
            changes.add(Updates.set("languages", languages(update)));
            changes.add(Updates.set("clinicAddress", update.clinicAddress()));
            changes.add(Updates.set("consultationFee", update.consultationFee()));
        } else {
            changes.add(Updates.set("dateOfBirth", update.dateOfBirth()));
        }
        return changes;
    }

    /** The event carries the profile as it will be after the change. */
    private static void apply(ProfileUpdate update, Profile profile) {
        profile.name = update.name().trim();
        if (profile.isDoctor()) {
            profile.specialty = update.specialty().trim();
            profile.languages = languages(update);
        } else {
            profile.dateOfBirth = update.dateOfBirth();
        }
    }

    private static List<String> languages(ProfileUpdate update) {
        return update.languages() == null ? List.of()
                : update.languages().stream().map(Names::searchable).distinct().toList();
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
