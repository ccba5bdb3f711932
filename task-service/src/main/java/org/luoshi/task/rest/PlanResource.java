package org.luoshi.task.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.task.mapping.NewPlan;
import org.luoshi.task.mapping.NewTask;
import org.luoshi.task.mapping.PageView;
import org.luoshi.task.mapping.PlanStatusChange;
import org.luoshi.task.mapping.PlanView;
import org.luoshi.task.mapping.TaskView;
import org.luoshi.task.service.PlanService;
import org.luoshi.task.service.TaskService;

import io.quarkus.security.Authenticated;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plans", description = "规划 Plans and their tasks")
public class PlanResource {
    @Inject
    PlanService plans;

    @Inject
    TaskService tasks;

    @GET
    @RolesAllowed({ "staff", "supervisor", "evaluator", "admin", "service" })
    @Operation(summary = "Plans, newest first; drafts only for supervisors and admins")
    public List<PlanView> list() {
        return plans.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "staff", "supervisor", "evaluator", "admin", "service" })
    @Operation(summary = "One plan")
    public PlanView get(@PathParam("id") long id) {
        return plans.get(id);
    }

    @POST
    @RolesAllowed({ "supervisor", "admin" })
    @Operation(summary = "Create a plan as a draft")
    public Response create(@NotNull @Valid NewPlan request) {
        PlanView created = plans.create(request);
        return Response.created(URI.create("/api/plans/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed({ "supervisor", "admin" })
    @Operation(summary = "Put a draft plan in force, or close a plan in force")
    public PlanView changeStatus(@PathParam("id") long id, @NotNull @Valid PlanStatusChange change) {
        return plans.changeStatus(id, change.status());
    }

    @GET
    @Path("{id}/tasks")
    @RolesAllowed({ "staff", "supervisor", "evaluator", "admin", "service" })
    @Operation(summary = "The plan's tasks the caller may see")
    public PageView<TaskView> tasks(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        plans.get(id);
        return tasks.list(id, page, size);
    }

    @POST
    @Path("{id}/tasks")
    @RolesAllowed({ "supervisor", "admin" })
    @Operation(summary = "Add a task to the plan, optionally naming its lead department")
    public Response createTask(@PathParam("id") long id, @NotNull @Valid NewTask request) {
        TaskView created = tasks.create(id, request);
        return Response.created(URI.create("/api/tasks/" + created.id())).entity(created).build();
    }
}
