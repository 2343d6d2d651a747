package io.consulta.notes.api;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.paging.Page;
import io.consulta.notes.service.JournalFilter;
import io.consulta.notes.service.JournalService;
import io.consulta.notes.service.PrescriptionService;
import io.consulta.notes.store.StoredNote;
import io.consulta.notes.store.StoredPrescription;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A patient's journal and prescriptions: for the patient, and for doctors with an appointment with them. */
@Path("/api/v1/patients/{patientId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class PatientRecordResource {

    private final JournalService journal;
    private final PrescriptionService prescriptions;

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a note in the patient's journal (the patient, or a doctor in a care relationship)")
    public Response write(@PathParam("patientId") String patientId, NewNote note, @Context UriInfo uri) {
        StoredNote written = journal.write(patientId, required(note).input());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/notes").path(written.id()).build())
                .tag(Versions.etag(written.version())).entity(NoteView.of(written)).build();
    }

    @GET
    @Path("/notes")
    @Operation(summary = "The journal, newest first, as far as the caller may read it; q matches words of title and body")
    public Page<NoteView> list(@PathParam("patientId") String patientId, @QueryParam("tag") String tag,
                               @QueryParam("q") String q, @QueryParam("author") String author,
                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<StoredNote> page = journal.list(patientId, new JournalFilter(tag, q, author, limit, cursor));
        return page.map(NoteView::of);
    }

    @POST
    @Path("/prescriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a prescription (a doctor in a care relationship with the patient)")
    public Response issue(@PathParam("patientId") String patientId, NewPrescription prescription,
                          @Context UriInfo uri) {
        StoredPrescription issued = prescriptions.issue(patientId, required(prescription).input());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/prescriptions").path(issued.id()).build())
                .entity(PrescriptionView.of(issued)).build();
    }

    @GET
    @Path("/prescriptions")
    @Operation(summary = "The patient's prescriptions, newest first")
    public Page<PrescriptionView> prescriptions(@PathParam("patientId") String patientId,
                                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<StoredPrescription> page = prescriptions.list(patientId, limit, cursor);
        return page.map(PrescriptionView::of);
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return body;
    }
}
