package io.consulta.chat.api;

import io.consulta.chat.store.ListCursor;
import io.consulta.common.paging.Limit;
import io.consulta.chat.store.Notification;
import io.consulta.chat.store.NotificationStore;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;
import io.quarkus.security.Authenticated;
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

@Path("/api/v1/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class NotificationResource {

    private final Caller caller;
    private final NotificationStore notifications;

    public record NotificationPage(List<NotificationView> items, String nextCursor, long unreadCount) {
    }

    public record Marked(long marked) {
    }

    @GET
    @Operation(summary = "The caller's notifications, newest first; unread=true for unread ones only")
    public NotificationPage list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("unread") Boolean unreadOnly) {
        int size = Limit.parse(limit, 20, 100);
        String me = caller.id();
        List<Notification> page = notifications.page(me, ListCursor.decode(cursor), size + 1, Boolean.TRUE.equals(unreadOnly));
        List<Notification> shown = page.subList(0, Math.min(size, page.size()));
        String next = page.size() > size ? new ListCursor(shown.getLast().createdAt(), shown.getLast().id()).encode() : null;
        return new NotificationPage(shown.stream().map(NotificationView::of).toList(), next, notifications.unreadCount(me));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read (idempotent)")
    public NotificationView markRead(@PathParam("id") String id) {
        return notifications.markRead(caller.id(), id).map(NotificationView::of)
                .orElseThrow(() -> ApiException.notFound("Notification", id));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all of the caller's notifications read")
    public Marked markAllRead() {
        return new Marked(notifications.markAllRead(caller.id()));
    }
}
