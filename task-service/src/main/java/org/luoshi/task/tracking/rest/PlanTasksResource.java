package org.luoshi.task.tracking.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.input.Paging;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.plan.api.PlanOutline;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.tracking.api.BulkAssignment;
import org.luoshi.task.tracking.api.BulkMilestones;
import org.luoshi.task.tracking.api.BulkMilestonesResult;
import org.luoshi.task.tracking.api.NewTask;
import org.luoshi.task.tracking.api.OverdueMilestones;
import org.luoshi.task.tracking.api.StatusRollup;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.application.MilestoneService;
import org.luoshi.task.tracking.application.PlanStructureService;
import org.luoshi.task.tracking.application.TaskService;

import io.quarkus.security.Authenticated;

/**
 * A plan's tasks: its outline with task counts, the roll-ups of their lights, adding and assigning them. Same root
 * path as {@code plan.rest.PlanResource}: Quarkus REST merges resource classes of the same path.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plans", description = "规划 Plans: their structure, status roll-ups and tasks")
public class PlanTasksResource {
    @Inject
    PlanStructureService structure;

    @Inject
    TaskService tasks;

    @Inject
    MilestoneService milestones;

    @GET
    @Path("{id}/outline")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The plan's chapters and sections, with the context text of its goal chapters")
    public PlanOutline outline(@PathParam("id") long id) {
        return structure.outline(id);
    }

    @GET
    @Path("{id}/overdue-milestones")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "逾期: the open milestones past their due date of the tasks the caller may see, most days late first")
    @APIResponse(responseCode = "200", description = "a page of them, with how many days late each is and how many tasks they concern")
    @APIResponse(responseCode = "404", description = "no plan with this id is visible to the caller")
    public OverdueMilestones overdue(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("10") @Min(1) @Max(100) int size) {
        return structure.overdue(id, page, size);
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "红黄绿 counts of the tasks the caller may see, by chapter, section and lead department")
    public StatusRollup status(@PathParam("id") long id) {
        return structure.rollup(id);
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
    @Path("{id}/milestones")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Add many milestones (节点) to tasks of the plan at once, e.g. a national deployment's: all or none; "
            + "an item equal to a milestone its task has (same title and due date) is not added again")
    @APIResponse(responseCode = "200", description = "How many were added and present already, and each item's milestone id")
    @APIResponse(responseCode = "400", description = "A bad item (title, date, deliverable, weight, more than 5000 items), "
            + "naming the field")
    @APIResponse(responseCode = "403", description = "A task the caller may not plan (staff: only their department's lead tasks)")
    @APIResponse(responseCode = "404", description = "No such task in this plan, or not visible to the caller: nothing is added")
    public BulkMilestonesResult addMilestones(@PathParam("id") long id, @NotNull @Valid BulkMilestones request) {
        return milestones.addAll(id, request);
    }

    @POST
    @Path("{id}/assignments")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Assign many tasks at once (each with the version it was read at), each optionally with its "
            + "milestones (节点, at most 5000 in all; one its task has already is not added again): all or nothing. The "
            + "milestones are tracked when the lead department accepts the task, or by the bulk tracking of the plan")
    @APIResponse(responseCode = "200", description = "The tasks as assigned, with their milestones, in the items' order; "
            + "for a repeated Idempotency-Key, as they are now (nothing changed)")
    @APIResponse(responseCode = "400", description = "A bad item, naming the field (e.g. items[3].milestones[0].dueDate), "
            + "or a bad Idempotency-Key: nothing is changed")
    @APIResponse(responseCode = "404", description = "No plan with this id is visible to the caller")
    @APIResponse(responseCode = "409", description = "The plan is a draft (plan-draft), or the Idempotency-Key was used "
            + "for another change")
    @APIResponse(responseCode = "412", description = "A task changed since the version its item names: nothing is changed")
    public List<TaskView> assignMany(@PathParam("id") long id, @HeaderParam(KeyedWrites.HEADER) String idempotencyKey,
            @NotNull @Valid BulkAssignment request) {
        return tasks.assignMany(id, idempotencyKey, request);
    }
}
