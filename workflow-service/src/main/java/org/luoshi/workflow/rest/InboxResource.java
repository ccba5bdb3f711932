package org.luoshi.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.api.CompleteRequest;
import org.luoshi.workflow.api.CompletionResult;
import org.luoshi.workflow.api.InboxItem;
import org.luoshi.workflow.api.PageResult;
import org.luoshi.workflow.service.InboxService;

import io.quarkus.security.Authenticated;

@Path("/api/inbox")
@Authenticated
@Tag(name = "inbox", description = "待办: work items of the caller's departments")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    InboxService inbox;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Open work items offered to one of the caller's departments or assigned to the caller, oldest first")
    public PageResult<InboxItem> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return inbox.list(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One work item; 404 when it does not exist or is not the caller's")
    public InboxItem get(@PathParam("id") String id) {
        return inbox.get(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Accept the task or return it with a reason",
            description = "Claims the item for the caller and completes it; 404 when it does not exist or is not the caller's.")
    public CompletionResult complete(@PathParam("id") String id, @NotNull @Valid CompleteRequest request) {
        return inbox.complete(id, request);
    }
}
