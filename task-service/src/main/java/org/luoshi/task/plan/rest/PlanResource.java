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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.application.IndicatorService;
import org.luoshi.task.plan.api.NewPlan;
import org.luoshi.task.plan.api.PlanOutline;
import org.luoshi.task.plan.api.PlanStatusChange;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.tracking.api.BulkAssignment;
import org.luoshi.task.tracking.api.NewTask;
import org.luoshi.task.tracking.api.StatusRollup;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.application.PlanStructureService;
import org.luoshi.task.tracking.application.TaskService;

import io.quarkus.security.Authenticated;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plans", description = "规划 Plans: their structure, status roll-ups and tasks")
public class PlanResource {
    @Inject
    PlanService plans;

    @Inject
    PlanStructureService structure;

    @Inject
    TaskService tasks;

    @Inject
    IndicatorService indicators;

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

    @GET
    @Path("{id}/outline")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The plan's chapters and sections, with the context text of its goal chapters")
    public PlanOutline outline(@PathParam("id") long id) {
        return structure.outline(id);
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "红黄绿 counts of the tasks the caller may see, by chapter, section and lead department")
    public StatusRollup status(@PathParam("id") long id) {
        return structure.rollup(id);
    }

    @GET
    @Path("{id}/indicators")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The plan's indicators with their assessment this year")
    public List<IndicatorView> indicators(@PathParam("id") long id) {
        return indicators.ofPlan(id);
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
    @Path("{id}/status")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Put a draft plan in force, or close a plan in force")
    public PlanView changeStatus(@PathParam("id") long id, @NotNull @Valid PlanStatusChange change) {
        return plans.changeStatus(id, change.status());
    }

    @POST
    @Path("{id}/tasks")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Add a task to the plan, optionally naming its lead department")
    public Response createTask(@PathParam("id") long id, @NotNull @Valid NewTask request) {
        TaskView created = tasks.create(id, request);
        return Response.created(URI.create("/api/tasks/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @POST
    @Path("{id}/assignments")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Assign many tasks at once (each with the version it was read at): all or nothing")
    public List<TaskView> assignMany(@PathParam("id") long id, @NotNull @Valid BulkAssignment request) {
        return tasks.assignMany(id, request);
    }
}
