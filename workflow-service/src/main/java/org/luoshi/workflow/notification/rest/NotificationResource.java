package org.luoshi.workflow.notification.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.workflow.notification.NotificationView;
import org.luoshi.workflow.shared.PageResult;
import org.luoshi.workflow.notification.NotificationService;

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
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notifications.list(page, size);
    }
}
