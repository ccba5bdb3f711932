package org.luoshi.task.disclosure.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.disclosure.api.DisclosureRecord;
import org.luoshi.task.disclosure.api.DisclosureSummary;
import org.luoshi.task.disclosure.application.DisclosureService;

import io.quarkus.security.Authenticated;

@Path("/api/plans/{planId}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "disclosure", description = "定期公布 Publishing a plan's status to the public")
public class DisclosureResource {
    @Inject
    DisclosureService disclosure;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The plan's published status snapshots, newest first, with what and who published each")
    @APIResponse(responseCode = "200", description = "the snapshots; a plan not yet published has none (an empty list)")
    @APIResponse(responseCode = "404", description = "no plan with this id is visible to the caller")
    public List<DisclosureRecord> published(@PathParam("planId") long planId) {
        return disclosure.publishedOf(planId);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Publish the plan's status as of today (confirmed plans only); it is public and immutable from then on")
    public Response publish(@PathParam("planId") long planId) {
        DisclosureSummary published = disclosure.publishNow(planId);
        return Response.created(URI.create(published.href())).entity(published).build();
    }
}
