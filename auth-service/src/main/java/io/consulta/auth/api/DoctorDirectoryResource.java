package io.consulta.auth.api;

import io.consulta.auth.domain.DirectoryIndex;
import io.consulta.auth.domain.DirectoryIndex.Position;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.DoctorDirectory;
import io.consulta.common.paging.Cursor;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.common.problem.ApiException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public directory of approved doctors: search by name or specialty, filter by specialty and language. Answered
 * from the in-memory {@link DoctorDirectory} on the I/O thread: nothing here waits for the database.
 */
@Path("/api/v1/doctors")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class DoctorDirectoryResource {

    private final DoctorDirectory directory;

    @GET
    @NonBlocking
    @Operation(summary = "Approved doctors, sorted by name; q matches name or specialty, case-insensitively")
    public Page<DoctorCard> search(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("specialty") @Size(max = 80) String specialty,
                                   @QueryParam("language") @Size(max = 40) String language,
                                   @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        Position after = Cursor.decode(cursor, 2, parts -> new Position(parts.get(0), parts.get(1)));
        DirectoryIndex.Page found = directory.search(new DirectoryIndex.Query(Names.searchable(q),
                Names.searchable(specialty), Names.searchable(language), Limit.parse(limit, 20, 100), after));
        return new Page<>(found.items().stream().map(DoctorCard::of).toList(),
                found.next() == null ? null : Cursor.encode(found.next().nameLower(), found.next().id()));
    }

    @GET
    @NonBlocking
    @Path("/{id}")
    @Operation(summary = "An approved doctor's public profile")
    public DoctorCard doctor(@PathParam("id") String id) {
        return directory.find(id).map(DoctorCard::of).orElseThrow(() -> ApiException.notFound("Doctor", id));
    }
}
