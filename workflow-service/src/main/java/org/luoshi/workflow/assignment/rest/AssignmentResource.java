package org.luoshi.workflow.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.assignment.api.AssignmentCreated;
import org.luoshi.workflow.assignment.api.AssignmentRequest;
import org.luoshi.workflow.assignment.application.AssignmentService;

import io.quarkus.security.Authenticated;
import org.luoshi.workflow.monitoring.rest.ProcessResource;

@Path("/api/assignments")
@Authenticated
@Tag(name = "assignments", description = "交办: assigning plan tasks to departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Assign a plan task to a department",
            description = "Reads the task from task-service and starts the task-assignment process; the department's staff find it in their inbox.")
    public Response assign(@NotNull @Valid AssignmentRequest request) {
        AssignmentCreated created = assignments.assign(request);
        return Response.created(uriInfo.getBaseUriBuilder().path(ProcessResource.class).path(created.processInstanceId()).build())
                .entity(created)
                .build();
    }
}
