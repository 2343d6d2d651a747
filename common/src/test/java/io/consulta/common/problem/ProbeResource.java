package io.consulta.common.problem;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.consulta.common.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.bson.Document;

import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.domain.StaleVersionException;
import io.consulta.common.domain.TooManyRequestsException;
import io.consulta.common.domain.UnavailableException;
import io.consulta.common.domain.VersionRequiredException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A test-only API that raises every kind of error the mappers must render. */
@Path("/api/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class ProbeResource {

    private final Caller caller;
    private final MongoClient mongo;

    public record Address(@NotBlank String city) {
    }

    public record SignUp(@NotBlank @Email String email, @NotNull @Size(min = 2) String name, LocalDate birthDate,
                         @Valid @NotNull Address address, List<@NotBlank String> languages) {
    }

    public record CallerView(String id, String name, String email, Set<String> roles, boolean patient, boolean doctor,
                             boolean admin, boolean emailVerified) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SignUp signUp(@Valid @NotNull SignUp request) {
        return request;
    }

    @GET
    @Path("/page")
    public List<String> page(@QueryParam("limit") @Min(1) @Max(100) Integer limit) {
        return List.of();
    }

    @GET
    @Path("/me")
    public CallerView me() {
        return new CallerView(caller.id(), caller.name(), caller.email(), caller.roles(), caller.isPatient(),
                caller.isDoctor(), caller.isAdmin(), caller.emailVerified());
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed("admin")
    public String adminOnly() {
        return "ok";
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ApiException.conflict("That slot was taken a moment ago");
    }

    @GET
    @Path("/duplicate")
    public String duplicate() {
        var collection = mongo.getDatabase("consulta_common_test").getCollection("uniques");
        collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        collection.insertOne(new Document("email", "twice@example.org"));
        collection.insertOne(new Document("email", "twice@example.org"));
        return "unreachable";
    }

    /** A database that does not answer: the driver gives up after its (short) server selection timeout. */
    @GET
    @Path("/database-down")
    public long databaseDown() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient unreachable = MongoClients.create(settings)) {
            return unreachable.getDatabase("consulta_common_test").getCollection("anything").countDocuments();
        }
    }

    @GET
    @Path("/domain/{kind}")
    public String domain(@jakarta.ws.rs.PathParam("kind") String kind) {
        throw switch (kind) {
            case "not-found" -> new NotFoundException("Appointment", "a".repeat(300));
            case "conflict" -> new ConflictException("The slot was taken");
            case "stale" -> new StaleVersionException("The profile is at version 4");
            case "version-required" -> new VersionRequiredException("Send If-Match");
            case "forbidden" -> new ForbiddenException("Only the doctor can do this");
            case "invalid" -> new InvalidInputException(List.of(new FieldError("start", "must be in the future"),
                    new FieldError("end", "must be after start")));
            case "unprocessable" -> InvalidInputException.unprocessable("Idempotency-Key", "was used for another booking");
            case "unavailable" -> new UnavailableException("The directory is loading");
            default -> new TooManyRequestsException(Duration.ofMillis(1500));
        };
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
