package io.consulta.notes.api;

import io.consulta.notes.domain.NoteContent;
import io.consulta.notes.service.JournalService;
import io.consulta.notes.store.StoredNote;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/notes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class NoteResource {

    private final JournalService journal;

    @GET
    @Path("/{id}")
    @Operation(summary = "One note the caller may read; its ETag is its version")
    public Response get(@PathParam("id") String id) {
        StoredNote note = journal.read(id);
        return Response.ok(NoteView.of(note)).tag(Versions.etag(note.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a note's text (author only): If-Match with the ETag read, 412 if stale, 428 without it")
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, NoteEdit edit) {
        long expected = Versions.fromIfMatch(ifMatch);
        NoteEdit body = PatientRecordResource.required(edit);
        StoredNote note = journal.edit(id, expected, NoteContent.of(body.title(), body.body(), body.tags(),
                body.mediaIds()));
        return Response.ok(NoteView.of(note)).tag(Versions.etag(note.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a note (author only): it leaves every list, its text and revisions are kept")
    public Response delete(@PathParam("id") String id) {
        journal.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "What the note said before each edit, oldest first")
    public List<RevisionView> revisions(@PathParam("id") String id) {
        return journal.revisions(id).stream().map(RevisionView::of).toList();
    }
}
