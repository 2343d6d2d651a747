package io.consulta.auth.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.identity.Role;
import io.consulta.common.problem.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The public directory of approved doctors: search by name or specialty, filter by specialty and language. */
@Path("/api/v1/doctors")
@Produces(MediaType.APPLICATION_JSON)
public class DoctorDirectoryResource {

    private final ProfileRepository profiles;

    public DoctorDirectoryResource(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @GET
    @Operation(summary = "Approved doctors, sorted by name; q matches name or specialty, case-insensitively")
    public Page<DoctorCard> search(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("specialty") @Size(max = 80) String specialty,
                                   @QueryParam("language") @Size(max = 40) String language,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                   @QueryParam("cursor") @Size(max = 400) String cursor) {
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.eq("role", Role.DOCTOR), Filters.eq("status", AccountStatus.ACTIVE.name())));
        if (q != null && !q.isBlank()) {
            Pattern contains = Pattern.compile(Names.containsPattern(q));
            filters.add(Filters.or(Filters.regex("nameLower", contains), Filters.regex("specialtyLower", contains)));
        }
        if (specialty != null && !specialty.isBlank()) {
            filters.add(Filters.eq("specialtyLower", Names.searchable(specialty)));
        }
        if (language != null && !language.isBlank()) {
            filters.add(Filters.eq("languages", Names.searchable(language)));
        }
        if (cursor != null && !cursor.isBlank()) {
            Position after = Position.decode(cursor);
            filters.add(Filters.or(Filters.gt("nameLower", after.nameLower()),
                    Filters.and(Filters.eq("nameLower", after.nameLower()), Filters.gt("_id", after.id()))));
        }
        List<Profile> found = profiles.mongoCollection().find(Filters.and(filters))
                .sort(Sorts.ascending("nameLower", "_id")).limit(limit + 1).into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<Profile> page = more ? found.subList(0, limit) : found;
        String next = more ? new Position(page.getLast().nameLower, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(DoctorCard::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An approved doctor's public profile")
    public DoctorCard doctor(@PathParam("id") String id) {
        return profiles.findApprovedDoctor(id).map(DoctorCard::of)
                .orElseThrow(() -> ApiException.notFound("Doctor", id));
    }

    /** Where a page ended; opaque to clients. */
    record Position(String nameLower, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((nameLower + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Position(parts[0], parts[1]);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
    }
}
