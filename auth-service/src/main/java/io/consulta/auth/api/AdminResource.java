package io.consulta.auth.api;

import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.service.Accounts;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.identity.Role;
import io.consulta.common.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Account administration: doctor approval and disabling accounts. Admins never see clinical content here. */
@Path("/api/v1/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class AdminResource {

    /** A review queue longer than this is worked through oldest first; the rest shows once those are decided. */
    private static final int MAX_LISTED = 500;

    private final ProfileRepository profiles;
    private final Accounts accounts;

    public record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Path("/doctors")
    @Operation(summary = "Doctors by account status, oldest first (e.g. status=PENDING to review sign-ups)")
    public List<AccountState> doctors(@QueryParam("status") @DefaultValue("PENDING") String status) {
        AccountStatus wanted = parseStatus(status);
        return profiles.doctorsByStatus(wanted, MAX_LISTED).stream().map(AccountState::of).toList();
    }

    @POST
    @Path("/doctors/{id}/approve")
    @Operation(summary = "Approve a doctor: they get the doctor role, appear in the directory and can be booked")
    public AccountState approve(@PathParam("id") String id) {
        return AccountState.of(accounts.approve(id));
    }

    @POST
    @Path("/doctors/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending doctor, with the reason they will be told")
    public AccountState reject(@PathParam("id") String id, @Valid @NotNull Rejection rejection) {
        return AccountState.of(accounts.reject(id, rejection.reason().trim()));
    }

    @POST
    @Path("/users/{id}/disable")
    @Operation(summary = "Disable an account; its Keycloak user is disabled and its sessions end")
    public AccountState disable(@PathParam("id") String id) {
        return AccountState.of(accounts.disable(id));
    }

    private static AccountStatus parseStatus(String status) {
        try {
            return AccountStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "must be one of ACTIVE, PENDING, REJECTED, DISABLED");
        }
    }
}
