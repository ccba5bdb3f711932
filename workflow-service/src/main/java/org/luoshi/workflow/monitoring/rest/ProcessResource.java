package org.luoshi.workflow.monitoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.monitoring.ProcessState;
import org.luoshi.workflow.monitoring.ProcessStateService;

import io.quarkus.security.Authenticated;

@Path("/api/processes")
@Authenticated
@Tag(name = "processes", description = "State of process instances")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessResource {

    @Inject
    ProcessStateService processes;

    @GET
    @Path("/{processInstanceId}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Whether the instance ended (and where), where it waits, and its variables")
    public ProcessState get(@PathParam("processInstanceId") String processInstanceId) {
        return processes.state(processInstanceId);
    }
}
