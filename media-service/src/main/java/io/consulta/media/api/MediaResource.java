package io.consulta.media.api;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.identity.Caller;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.media.service.MediaDeletions;
import io.consulta.media.service.MediaReads;
import io.consulta.media.service.MediaUploads;
import io.consulta.media.service.Rendition;
import io.consulta.media.service.SignedLink;
import io.consulta.media.service.Upload;
import io.consulta.media.store.MediaRecord;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;

/** Symptom photos and attachments: upload, list, read (with ranges), thumbnails, signed links and deletion. */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class MediaResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Caller caller;
    private final MediaUploads uploads;
    private final MediaReads reads;
    private final MediaDeletions deletions;
    private final ContentResponses responses;

    /** The file part arrives already streamed to a temporary file, which is deleted when the request ends. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose,
                           @RestForm("patientId") String patientId) {
        Upload upload = new Upload(file == null ? null : file.uploadedFile(), file == null ? 0 : file.size(),
                purpose, patientId);
        MediaRecord record = uploads.upload(caller, upload);
        return Response.created(URI.create("/api/v1/media/" + record.id())).entity(MediaView.of(record)).build();
    }

    @GET
    public Page<MediaView> list(@QueryParam("patientId") String patientId, @QueryParam("purpose") String purpose,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<MediaRecord> page = reads.list(caller, patientId, purpose, Limit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT),
                cursor);
        return page.map(MediaView::of);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @BeanParam ReadConditions conditions) {
        return responses.respond(reads.open(caller.id(), id, Rendition.ORIGINAL, conditions.range()), conditions);
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("id") String id, @BeanParam ReadConditions conditions) {
        return responses.respond(reads.open(caller.id(), id, Rendition.THUMBNAIL, conditions.range()), conditions);
    }

    /** Soft delete, by the uploader only; the bytes are removed later by the sweeper. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        deletions.delete(caller.id(), id);
        return Response.noContent().build();
    }

    /** A URL that serves the bytes (or, with {@code ?rendition=thumbnail}, the thumbnail) without a token. */
    @POST
    @Path("{id}/link")
    public LinkView link(@PathParam("id") String id, @QueryParam("rendition") String rendition,
                         @Context UriInfo uri) {
        Rendition which = rendition == null || rendition.isBlank() ? Rendition.ORIGINAL
                : Rendition.parse(rendition.trim()).orElseThrow(() ->
                        new InvalidInputException("rendition", "must be original or thumbnail"));
        SignedLink link = reads.link(caller.id(), id, which);
        URI url = uri.getBaseUriBuilder().path("api/v1/media-links").path(id)
                .queryParam("rendition", which.wireName())
                .queryParam("caller", link.callerId())
                .queryParam("expires", link.expiresAt().getEpochSecond())
                .queryParam("signature", link.signature()).build();
        return new LinkView(url.toString(), link.expiresAt());
    }
}
