package org.luoshi.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.task.mapping.Acceptance;
import org.luoshi.task.mapping.PageView;
import org.luoshi.task.mapping.TaskView;
import org.luoshi.task.service.TaskService;

import io.quarkus.security.Authenticated;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "tasks", description = "任务 Tasks: staff see their own department's, others all")
public class TaskResource {
    @Inject
    TaskService tasks;

    @GET
    @RolesAllowed({ "staff", "supervisor", "evaluator", "admin", "service" })
    @Operation(summary = "Tasks the caller may see, optionally of one plan")
    public PageView<TaskView> list(@QueryParam("planId") Long planId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return tasks.list(planId, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "staff", "supervisor", "evaluator", "admin", "service" })
    @Operation(summary = "One task; another department's answers 404")
    public TaskView get(@PathParam("id") long id) {
        return tasks.get(id);
    }

    @PUT
    @Path("{id}/acceptance")
    @RolesAllowed("service")
    @Operation(summary = "Record the lead department's acceptance (workflow-service only; idempotent by key)")
    public TaskView accept(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid Acceptance acceptance) {
        return tasks.accept(id, idempotencyKey, acceptance);
    }
}
