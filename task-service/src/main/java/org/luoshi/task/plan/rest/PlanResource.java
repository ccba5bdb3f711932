package org.luoshi.task.plan.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.plan.api.NewPlan;
import org.luoshi.task.plan.api.PlanStatusChange;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.api.PredecessorLink;
import org.luoshi.task.plan.application.PlanService;

import io.quarkus.security.Authenticated;

/**
 * A plan itself; its tasks and roll-ups are {@code tracking.rest.PlanTasksResource}, its indicators {@code
 * indicator.rest.PlanIndicatorsResource}.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plans", description = "规划 Plans: their structure, status roll-ups and tasks")
public class PlanResource {
    @Inject
    PlanService plans;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Plans, newest first; drafts only for supervisors and admins")
    public List<PlanView> list() {
        return plans.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One plan, with its version as ETag")
    public Response get(@PathParam("id") long id) {
        PlanView plan = plans.get(id);
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Create a plan as a draft")
    public Response create(@NotNull @Valid NewPlan request) {
        PlanView created = plans.create(request);
        return Response.created(URI.create("/api/plans/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @POST
    @Path("{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Confirm a draft plan (If-Match: its ETag): it comes into force")
    public Response confirm(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PlanView plan = plans.confirm(id, Versions.required(ifMatch));
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @PUT
    @Path("{id}/predecessor")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Link the plan (If-Match: its ETag) to the plan it succeeds; the same link again changes nothing")
    @APIResponse(responseCode = "200", description = "The plan, with predecessorId")
    @APIResponse(responseCode = "400", description = "predecessorId names no plan the caller sees")
    @APIResponse(responseCode = "409", description = "The plan already succeeds another, the predecessor is a draft, is "
            + "already succeeded, or does not end before this plan starts (code plan.*)")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response linkPredecessor(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PredecessorLink link) {
        PlanView plan = plans.linkPredecessor(id, Versions.required(ifMatch), link.predecessorId());
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Put a draft plan in force, or close a plan in force")
    public PlanView changeStatus(@PathParam("id") long id, @NotNull @Valid PlanStatusChange change) {
        return plans.changeStatus(id, change.status());
    }
}
