package org.luoshi.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.mapping.MilestoneCompletion;
import org.luoshi.task.mapping.NewMilestone;
import org.luoshi.task.mapping.TaskView;
import org.luoshi.task.service.MilestoneService;

import io.quarkus.security.Authenticated;

/** A milestone's writes answer with its task, whose view carries every milestone's version. */
@Path("/api/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "milestones", description = "节点 Milestones of tasks")
public class MilestoneResource {
    @Inject
    MilestoneService milestones;

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Change a milestone's title, due date, deliverable or weight (If-Match: its version)")
    public TaskView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NewMilestone milestone) {
        return milestones.update(id, Versions.required(ifMatch), milestone);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Remove a milestone (If-Match: its version)")
    public TaskView remove(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return milestones.remove(id, Versions.required(ifMatch));
    }

    @PUT
    @Path("{id}/completion")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Mark a milestone done (after its report was approved); repeating it changes nothing")
    public TaskView complete(@PathParam("id") long id, @NotNull @Valid MilestoneCompletion completion) {
        return milestones.complete(id, completion);
    }
}
