package io.consulta.auth.api;

import io.consulta.common.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    public record Me(String id, String name, String email, Set<String> roles) {
    }

    @GET
    public Me me() {
        return new Me(caller.id(), caller.name(), caller.email(), new TreeSet<>(caller.roles()));
    }
}
