package io.consulta.notes.api;

import io.consulta.notes.service.PrescriptionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/prescriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class PrescriptionResource {

    static final String PDF = "application/pdf";

    private final PrescriptionService prescriptions;

    @GET
    @Path("/{id}")
    @Operation(summary = "One prescription of the caller (patient) or of one of their patients (doctor)")
    public PrescriptionView get(@PathParam("id") String id) {
        return PrescriptionView.of(prescriptions.read(id));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "The prescription as a PDF with its verification code and QR code")
    public Response pdf(@PathParam("id") String id) {
        byte[] pdf = prescriptions.pdf(id);
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "attachment; filename=\"prescription-" + id + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an active prescription (the issuing doctor), with a reason")
    public PrescriptionView cancel(@PathParam("id") String id, Cancellation cancellation) {
        Cancellation body = PatientRecordResource.required(cancellation);
        return PrescriptionView.of(prescriptions.cancel(id, body.reason(), Boolean.TRUE.equals(body.enteredInError())));
    }
}
