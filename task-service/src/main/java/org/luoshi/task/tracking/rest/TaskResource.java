package org.luoshi.task.tracking.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.input.Paging;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.Acceptance;
import org.luoshi.task.tracking.api.Assignment;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.NewMilestone;
import org.luoshi.task.tracking.api.NewTrackedMilestone;
import org.luoshi.task.tracking.api.Reassignment;
import org.luoshi.task.tracking.api.TaskPage;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.api.Withdrawal;
import org.luoshi.task.tracking.application.AdjustmentService;
import org.luoshi.task.tracking.application.MilestoneService;
import org.luoshi.task.tracking.application.TaskService;

import io.quarkus.security.Authenticated;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "tasks", description = "任务 Tasks: staff see their own department's (lead or co), others all")
public class TaskResource {
    @Inject
    TaskService tasks;

    @Inject
    MilestoneService milestones;

    @Inject
    AdjustmentService adjustments;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The task ledger (台账): filter, sort, page; counts per status and per light")
    public TaskPage list(@QueryParam("planId") Long planId, @BeanParam TaskFilterParams filters,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return tasks.list(filters.toQuery(planId, page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One task with its milestones and source text; another department's answers 404")
    public Response get(@PathParam("id") long id) {
        TaskView task = tasks.get(id);
        return Response.ok(task).tag(Versions.etag(task.version())).build();
    }

    @PUT
    @Path("{id}/assignment")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "交办: set lead and co-departments and the due date (If-Match: the task's ETag)")
    public Response assign(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Assignment assignment) {
        TaskView task = tasks.assign(id, Versions.required(ifMatch), assignment);
        return Response.ok(task).tag(Versions.etag(task.version())).build();
    }

    @POST
    @Path("{id}/milestones")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Add a milestone (节点); staff of the lead department or the supervising office")
    @APIResponse(responseCode = "201", description = "The new milestone (Location: /api/milestones/{id}, ETag: its version); "
            + "the task with all its milestones is GET /api/tasks/{id}")
    @APIResponse(responseCode = "400", description = "A bad title, date, deliverable or weight, naming the field")
    @APIResponse(responseCode = "403", description = "Not the lead department's staff nor the supervising office")
    @APIResponse(responseCode = "404", description = "No such task, or not visible to the caller")
    public Response addMilestone(@PathParam("id") long id, @NotNull @Valid NewMilestone milestone) {
        MilestoneView added = milestones.add(id, milestone);
        return Response.created(URI.create("/api/milestones/" + added.id())).entity(added)
                .tag(Versions.etag(added.version())).build();
    }

    @POST
    @Path("{id}/tracked-milestones")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Add a milestone tracked from the start (workflow-service only, for the supervisor named in "
            + "requestedBy; Idempotency-Key required): the milestone, its tracking and the audit entry naming the "
            + "supervisor in one transaction; the same key again answers the same milestone. Answers as PUT "
            + "/api/milestones/{id}/tracking")
    @APIResponse(responseCode = "201", description = "Added and tracked (Location: /api/milestones/{id}; newlyTracked true)")
    @APIResponse(responseCode = "200", description = "A repeat of the Idempotency-Key: the milestone it added, nothing "
            + "changed (newlyTracked false)")
    @APIResponse(responseCode = "400", description = "A bad milestone.title, milestone.dueDate, milestone.deliverable, "
            + "milestone.weight, requestedBy or Idempotency-Key, naming it: nothing recorded")
    @APIResponse(responseCode = "403", description = "Not the service account")
    @APIResponse(responseCode = "404", description = "No such task: nothing recorded")
    @APIResponse(responseCode = "409", description = "The task has no lead department: a draft (task.not-trackable), the key was "
            + "used for another task, or its milestone is done since (milestone-done): nothing recorded")
    public Response addTrackedMilestone(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid NewTrackedMilestone request) {
        MilestoneService.AddedTracked added = milestones.addTracked(id, idempotencyKey, request);
        return (added.created() ? Response.created(URI.create("/api/milestones/" + added.tracking().milestoneId()))
                : Response.ok()).entity(added.tracking()).build();
    }

    @PUT
    @Path("{id}/acceptance")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record the lead department's acceptance (workflow-service only; idempotent by key)")
    public TaskView accept(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid Acceptance acceptance) {
        return tasks.accept(id, idempotencyKey, acceptance);
    }

    @POST
    @Path("{id}/acceptance/validation")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Check an acceptance without recording it (workflow-service, before it completes the department's "
            + "item): 204 when PUT …/acceptance would record it, else the same answer")
    @APIResponse(responseCode = "204", description = "An acceptance with this body would be recorded")
    @APIResponse(responseCode = "400", description = "The field that would be refused (departmentCode)")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "The task was already accepted")
    public void validateAcceptance(@PathParam("id") long id, @NotNull @Valid Acceptance acceptance) {
        tasks.validateAcceptance(id, acceptance);
    }

    @PUT
    @Path("{id}/reassignment")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "改派: the task, returned by its department, now waits for another one (workflow-service only; "
            + "idempotent by key)")
    @APIResponse(responseCode = "200", description = "Reassigned (or the same key again: the task as it stands)")
    @APIResponse(responseCode = "400", description = "A bad department code or Idempotency-Key, naming it")
    @APIResponse(responseCode = "409", description = "The task is not waiting to be accepted, or the key was used otherwise")
    public TaskView reassign(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid Reassignment reassignment) {
        return tasks.reassign(id, idempotencyKey, reassignment);
    }

    @PUT
    @Path("{id}/withdrawal")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "撤回: the assignment of a returned task is withdrawn; it is no department's until assigned again "
            + "(workflow-service only; idempotent by key)")
    @APIResponse(responseCode = "200", description = "Withdrawn (or the same key again: the task as it stands)")
    @APIResponse(responseCode = "400", description = "A bad Idempotency-Key or note, naming it")
    @APIResponse(responseCode = "409", description = "The task is not waiting to be accepted, or the key was used otherwise")
    public TaskView withdraw(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid Withdrawal withdrawal) {
        return tasks.withdraw(id, idempotencyKey, withdrawal);
    }

    @GET
    @Path("{id}/revisions")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The task's revisions: 0 as it stood before its first adjustment, then each adjustment (who, why, "
            + "when, before, after)")
    public List<TaskRevisionView> revisions(@PathParam("id") long id) {
        return adjustments.revisions(id);
    }
}
