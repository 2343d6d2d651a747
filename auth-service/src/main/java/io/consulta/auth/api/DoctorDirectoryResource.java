package io.consulta.auth.api;

import io.consulta.auth.domain.DirectoryIndex;
import io.consulta.auth.domain.DirectoryIndex.Position;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.DoctorDirectory;
import io.consulta.common.problem.ApiException;
import io.smallrye.common.annotation.NonBlocking;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The public directory of approved doctors: search by name or specialty, filter by specialty and language. Answered
 * from the in-memory {@link DoctorDirectory} on the I/O thread: nothing here waits for the database.
 */
@Path("/api/v1/doctors")
@Produces(MediaType.APPLICATION_JSON)
public class DoctorDirectoryResource {

    private final DoctorDirectory directory;

    public DoctorDirectoryResource(DoctorDirectory directory) {
        this.directory = directory;
    }

    @GET
    @NonBlocking
    @Operation(summary = "Approved doctors, sorted by name; q matches name or specialty, case-insensitively")
    public Page<DoctorCard> search(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("specialty") @Size(max = 80) String specialty,
                                   @QueryParam("language") @Size(max = 40) String language,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                   @QueryParam("cursor") @Size(max = 400) String cursor) {
        Position after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        DirectoryIndex.Page found = directory.search(new DirectoryIndex.Query(Names.searchable(q),
                Names.searchable(specialty), Names.searchable(language), limit, after));
        return new Page<>(found.items().stream().map(DoctorCard::of).toList(),
                found.next() == null ? null : Cursor.encode(found.next()));
    }

    @GET
    @NonBlocking
    @Path("/{id}")
    @Operation(summary = "An approved doctor's public profile")
    public DoctorCard doctor(@PathParam("id") String id) {
        return directory.find(id).map(DoctorCard::of).orElseThrow(() -> ApiException.notFound("Doctor", id));
    }

    /** Where a page ended, opaque to clients: the last (nameLower, id) returned. */
    static final class Cursor {

        private Cursor() {
        }

        static String encode(Position position) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((position.nameLower() + "\n" + position.id()).getBytes(StandardCharsets.UTF_8));
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
