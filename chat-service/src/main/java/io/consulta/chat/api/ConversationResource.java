package io.consulta.chat.api;

import io.consulta.chat.domain.OpeningRules;
import io.consulta.chat.domain.Participants;
import io.consulta.chat.domain.SeqCursor;
import io.consulta.chat.service.Conversations;
import io.consulta.chat.store.Conversation;
import io.consulta.chat.store.ConversationStore;
import io.consulta.chat.store.ListCursor;
import io.consulta.common.paging.Limit;
import io.consulta.common.paging.Page;
import io.consulta.chat.store.PresenceStore;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Set;

@Path("/api/v1/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class ConversationResource {

    static final int MAX_LIST = 100;

    private final Caller caller;
    private final ConversationStore conversations;
    private final Conversations useCases;
    private final PresenceStore presence;
    private final HistoryJson historyJson;

    @GET
    @Operation(summary = "The caller's conversations, most recently active first, with last message and unread count")
    public Page<ConversationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Limit.parse(limit, 20, MAX_LIST);
        ListCursor after = ListCursor.decode(cursor);
        String me = caller.id();
        List<Conversation> page = conversations.listFor(me, after, size + 1);
        List<Conversation> shown = page.subList(0, Math.min(size, page.size()));
        Set<String> online = presence.online(shown.stream().map(c -> c.participants().counterpartOf(me)).toList());
        String next = page.size() > size
                ? new ListCursor(shown.getLast().lastActivityAt(), shown.getLast().id()).encode() : null;
        return new Page<>(shown.stream()
                .map(c -> ConversationView.of(c, me, online.contains(c.participants().counterpartOf(me)))).toList(), next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the conversation with a doctor (patients) or a patient (doctors) one has a care relationship with; "
            + "201 when created, 200 when it already existed")
    public Response open(@Valid @NotNull OpenConversation request, @jakarta.ws.rs.core.Context UriInfo uri) {
        String me = caller.id();
        OpeningRules.Decision decision = OpeningRules.decide(me, caller.isPatient(), caller.isDoctor(),
                request.doctorId(), request.patientId(),
                useCases.haveCareRelationship(me, request.doctorId(), request.patientId()));
        Participants pair = switch (decision) {
            case AS_PATIENT -> new Participants(me, request.doctorId());
            case AS_DOCTOR -> new Participants(request.patientId(), me);
            case WRONG_ROLE -> throw caller.isPatient() || caller.isDoctor()
                    ? ApiException.badRequest("Name exactly one counterpart: doctorId if you are a patient, "
                    + "patientId if you are a doctor")
                    : ApiException.forbidden("Only patients and doctors have conversations");
            case SELF -> throw ApiException.badRequest("A conversation needs two different people");
            case NO_CARE_RELATIONSHIP -> throw ApiException.forbidden(
                    "A conversation needs a care relationship: an appointment that is not cancelled");
        };
        ConversationStore.Opened opened = useCases.open(pair, me);
        ConversationView view = view(opened.conversation(), me);
        return opened.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's conversations")
    public ConversationView get(@PathParam("id") String id) {
        String me = caller.id();
        return view(conversations.findFor(id, me).orElseThrow(() -> ApiException.notFound("Conversation", id)), me);
    }

    @GET
    @Path("/{id}/messages")
    @Operation(summary = "Message history, newest first, paged by sequence number: pass nextCursor as before= for older ones")
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessagePage.class)))
    public Uni<Response> messages(@PathParam("id") String id, @QueryParam("before") String before,
                                  @QueryParam("limit") String limit) {
        SeqCursor cursor = SeqCursor.parse(before, Limit.parse(limit, SeqCursor.DEFAULT_LIMIT, SeqCursor.MAX_LIMIT));
        String me = caller.id();
        // on the event loop: a cached page needs no thread that waits on the store; the rest runs on a worker
        Context request = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> useCases.historyWithoutBlocking(me, id, cursor, before,
                        historyJson::message, Infrastructure.getDefaultWorkerPool()))
                .emitOn(answer -> request.runOnContext(ignored -> answer.run()))
                .map(page -> Response.ok(historyJson.page(page.orElseThrow(() -> ApiException.notFound("Conversation", id))),
                        MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** What {@link #messages} answers, for the API description (it is written from pre-rendered messages). */
    record MessagePage(List<MessageView> items, String nextCursor) {
    }

    private ConversationView view(Conversation c, String me) {
        String counterpart = c.participants().counterpartOf(me);
        return ConversationView.of(c, me, presence.online(List.of(counterpart)).contains(counterpart));
    }
}
