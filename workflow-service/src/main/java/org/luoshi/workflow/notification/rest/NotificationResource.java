package org.luoshi.workflow.notification.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.workflow.notification.NotificationCounts;
import org.luoshi.workflow.notification.NotificationView;
import org.luoshi.workflow.shared.PageResult;
import org.luoshi.workflow.notification.NotificationService;
import org.luoshi.common.input.Paging;

import io.quarkus.security.Authenticated;

@Path("/api/notifications")
@Authenticated
@Tag(name = "notifications", description = "提醒、催办、督办 and review outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @GET
    @Operation(summary = "The caller's notifications (their user, departments and roles), newest first")
    public PageResult<NotificationView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Parameter(description = "only those about this milestone (e.g. the 催办 and 督办 it received)")
            @QueryParam("milestoneId") Long milestoneId) {
        return notifications.list(page, size, milestoneId);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of the caller's notifications they have not read (the header's badge)")
    @APIResponse(responseCode = "200", description = "the count; marked is 0")
    public NotificationCounts unread() {
        return new NotificationCounts(notifications.unread(), 0);
    }

    @PUT
    @Path("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read (for the caller only; their colleagues' marks are their own)")
    @APIResponse(responseCode = "204", description = "read (also when it was already)")
    @APIResponse(responseCode = "404", description = "no notification with this id is addressed to the caller")
    public void markRead(@PathParam("id") long id) {
        notifications.markRead(id);
    }

    @PUT
    @Path("/read")
    @Operation(summary = "Mark all the caller's notifications read")
    @APIResponse(responseCode = "200", description = "marked: how many were unread; unread: 0")
    public NotificationCounts markAllRead() {
        return new NotificationCounts(0, notifications.markAllRead());
    }
}
