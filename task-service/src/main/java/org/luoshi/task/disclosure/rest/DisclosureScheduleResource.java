package org.luoshi.task.disclosure.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.disclosure.api.DisclosureScheduleUpdate;
import org.luoshi.task.disclosure.api.DisclosureScheduleView;
import org.luoshi.task.disclosure.application.DisclosureService;

import io.quarkus.security.Authenticated;

@Path("/api/plans/{planId}/disclosure-schedule")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "disclosure", description = "定期公布 Publishing a plan's status to the public")
public class DisclosureScheduleResource {
    @Inject
    DisclosureService disclosure;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "How often the plan's status is published on its own, and when next")
    public Response get(@PathParam("planId") long planId) {
        return withVersion(disclosure.schedule(planId));
    }

    @PUT
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Set the regular disclosure: MONTHLY or QUARTERLY, enabled or not (If-Match once a schedule exists)")
    public Response set(@PathParam("planId") long planId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DisclosureScheduleUpdate update) {
        return withVersion(disclosure.setSchedule(planId, ifMatch, update));
    }

    private static Response withVersion(DisclosureScheduleView view) {
        Response.ResponseBuilder ok = Response.ok(view);
        return view.version() == null ? ok.build() : ok.tag(Versions.etag(view.version())).build();
    }
}
