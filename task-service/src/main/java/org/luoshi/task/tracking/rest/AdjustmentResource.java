package org.luoshi.task.tracking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.Adjustment;
import org.luoshi.task.tracking.api.AdjustmentResult;
import org.luoshi.task.tracking.application.AdjustmentService;

import io.quarkus.security.Authenticated;

@Path("/api/adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "adjustments", description = "动态调整 Approved adjustments of tasks, each kept as a revision")
public class AdjustmentResource {
    @Inject
    AdjustmentService adjustments;

    @PUT
    @Path("{adjustmentKey}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Apply an approved adjustment (workflow-service only) as the task's next revision; the same key "
            + "again changes nothing")
    public AdjustmentResult apply(@PathParam("adjustmentKey") String adjustmentKey, @NotNull @Valid Adjustment adjustment) {
        return adjustments.apply(adjustmentKey, adjustment);
    }

    @POST
    @Path("validation")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Check an adjustment without applying it (workflow-service, when it is requested and approved): "
            + "204 when PUT /api/adjustments/{adjustmentKey} would apply it, else the same 400 naming the field")
    @APIResponse(responseCode = "204", description = "An adjustment with this body would be applied")
    @APIResponse(responseCode = "400", description = "The field that would be refused (newDueDate, milestoneDueDates.<id>, "
            + "newLeadDepartmentCode, newTitle, changes)")
    @APIResponse(responseCode = "404", description = "No such task")
    public void validate(@NotNull @Valid Adjustment adjustment) {
        adjustments.validate(adjustment);
    }
}
