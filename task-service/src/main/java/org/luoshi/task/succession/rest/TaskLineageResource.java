package org.luoshi.task.succession.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.succession.api.LineageView;
import org.luoshi.task.succession.application.SuccessionService;

import io.quarkus.security.Authenticated;

/** Where a task carried over from the previous plan came from. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "succession", description = "规划接续 From one plan to the next: carry-over, continued indicators, lineage")
public class TaskLineageResource {
    @Inject
    SuccessionService succession;

    @GET
    @Path("{id}/lineage")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Where a carried task came from: old reference, old lead department, the old task and its "
            + "adjustments; for whoever may read the task")
    @APIResponse(responseCode = "200", description = "The lineage")
    @APIResponse(responseCode = "404", description = "No task the caller sees, or a task that was not carried over")
    public LineageView lineage(@PathParam("id") long id) {
        return succession.lineage(id);
    }

}
