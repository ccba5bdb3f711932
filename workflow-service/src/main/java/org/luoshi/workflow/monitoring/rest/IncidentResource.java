package org.luoshi.workflow.monitoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.monitoring.IncidentView;
import org.luoshi.workflow.shared.PageResult;
import org.luoshi.workflow.monitoring.IncidentService;

import io.quarkus.security.Authenticated;

@Path("/api/incidents")
@Authenticated
@Tag(name = "incidents", description = "Steps that failed after their last retry")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Open incidents, oldest first")
    public PageResult<IncidentView> list(
            @QueryParam("processInstanceId") String processInstanceId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return incidents.list(page, size, processInstanceId);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Give the failed job behind the incident one more attempt, now")
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(incidents.retry(id)).build();
    }
}
