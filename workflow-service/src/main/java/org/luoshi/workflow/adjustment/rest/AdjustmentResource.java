package org.luoshi.workflow.adjustment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.adjustment.api.AdjustmentItem;
import org.luoshi.workflow.adjustment.api.AdjustmentItemDone;
import org.luoshi.workflow.adjustment.api.AdjustmentRequest;
import org.luoshi.workflow.adjustment.api.AdjustmentStarted;
import org.luoshi.workflow.workitem.ReviewForm;
import org.luoshi.workflow.adjustment.application.AdjustmentItemService;
import org.luoshi.workflow.adjustment.application.AdjustmentService;

import io.quarkus.security.Authenticated;
import org.luoshi.workflow.monitoring.rest.ProcessResource;

/** 动态调整: requesting a change of a task, and the review / approval items with their form. */
@Path("/api")
@Authenticated
@Tag(name = "adjustments", description = "动态调整: changes of a task's dates, lead department or title")
@Produces(MediaType.APPLICATION_JSON)
public class AdjustmentResource {

    @Inject
    AdjustmentService adjustments;

    @Inject
    AdjustmentItemService items;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Request an adjustment of a task (staff of its lead department, supervisor, admin)",
            description = "Starts task-adjustment: 督查室审核, then 领导审批, then task-service applies it. 404 when the task is "
                    + "missing or the caller's departments do not lead it; 400 naming the field (changes: nothing to change).")
    public Response request(@NotNull @Valid AdjustmentRequest request) {
        AdjustmentStarted started = adjustments.request(request);
        return Response.created(uriInfo.getBaseUriBuilder().path(ProcessResource.class).path(started.processInstanceId()).build())
                .entity(started).build();
    }

    @GET
    @Path("/adjustment-items/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "An open review or approval item with the request it decides on; 404 when not the caller's")
    public AdjustmentItem item(@PathParam("id") String id) {
        return items.get(id);
    }

    @POST
    @Path("/adjustment-items/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "督查室审核 / 领导审批: APPROVE, or REJECT with a comment")
    public AdjustmentItemDone decide(@PathParam("id") String id, @NotNull @Valid ReviewForm form) {
        return items.decide(id, form);
    }
}
