package org.luoshi.workflow.milestone.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.luoshi.common.problem.InvalidFieldException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.escalation.ChaseResult;
import org.luoshi.workflow.milestone.api.BulkTrackingRequest;
import org.luoshi.workflow.milestone.api.BulkTrackingResult;
import org.luoshi.workflow.milestone.api.MilestoneTrackingRequest;
import org.luoshi.workflow.milestone.api.MilestoneTrackingResult;
import org.luoshi.workflow.milestone.application.BulkMilestoneTracking;
import org.luoshi.workflow.milestone.application.MilestoneTrackingService;

import io.quarkus.security.Authenticated;

@Path("/api/milestone-trackings")
@Authenticated
@Tag(name = "milestones", description = "节点填报与审核: milestone reports, their review and the reminder/催办/督办 ladder")
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneTrackingResource {

    @Inject
    MilestoneTrackingService trackings;

    @Inject
    BulkMilestoneTracking bulk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Track the open milestones of a task (one 节点填报与审核 each), or only the one named by milestoneId, "
            + "or add the milestone given as milestone to the task and track it, in one request (once per Idempotency-Key); "
            + "already tracked ones are left alone")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "with milestone: the same key again (by "
            + "the same user) answers the milestone and instance the first call made, instead of adding another; 1 to 200 "
            + "characters; without it each call adds a milestone", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(responseCode = "200", description = "The milestones and their instances; started false for those tracked "
            + "already (with milestone: a repeat of the Idempotency-Key, the milestone the first call added)",
            content = @Content(schema = @Schema(implementation = MilestoneTrackingResult.class)))
    @APIResponse(responseCode = "201", description = "With milestone: added to the task and tracked (its id and instance)",
            content = @Content(schema = @Schema(implementation = MilestoneTrackingResult.class)))
    @APIResponse(responseCode = "400", description = "No or a bad taskId / milestoneId, both milestoneId and milestone, a "
            + "milestone task-service refuses (milestone.title, milestone.dueDate…) or a bad Idempotency-Key, naming it: "
            + "nothing added or started")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such task, or milestoneId is not one of its milestones: nothing "
            + "added or started")
    @APIResponse(responseCode = "409", description = "milestoneId is done (milestone-done), or with milestone the task is a "
            + "draft without a lead department (task.not-trackable) or the Idempotency-Key was used for another task: nothing added or "
            + "started")
    @APIResponse(responseCode = "502", description = "task-service could not be asked or did not record the tracking: "
            + "nothing started (with milestone: the same Idempotency-Key again finishes what may have been added)")
    public Response track(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid MilestoneTrackingRequest request) {
        if (request.milestone() != null) {
            if (request.milestoneId() != null) {
                throw new InvalidFieldException("milestone", "either milestoneId (a milestone the task has) or milestone "
                        + "(one to add), not both");
            }
            MilestoneTrackingService.AddedAndTracked added = trackings.addAndTrack(request.taskId(), request.milestone(),
                    idempotencyKey);
            return Response.status(added.milestoneAdded() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(added.result()).build();
        }
        return Response.ok(request.milestoneId() == null ? trackings.track(request.taskId())
                : trackings.track(request.taskId(), request.milestoneId())).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Track every open milestone of a plan's (or one section's) accepted tasks; already tracked ones "
            + "are left alone, so a call that stopped halfway is simply made again")
    @APIResponse(responseCode = "200", description = "How many tasks were read and milestones started or tracked already")
    @APIResponse(responseCode = "400", description = "No or a bad planId / sectionId, naming it")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "502", description = "task-service did not answer; the pages done so far stay tracked, a new call continues")
    public BulkTrackingResult trackInBulk(@NotNull @Valid BulkTrackingRequest request) {
        return bulk.track(request.planId(), request.sectionId());
    }

    @POST
    @Path("/milestones/{milestoneId}/chase")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "催办 by hand, by the milestone (the task page): as .../{processInstanceId}/chase for its running tracking")
    @APIResponse(responseCode = "200", description = "who was chased")
    @APIResponse(responseCode = "404", description = "the milestone has never been tracked")
    @APIResponse(responseCode = "409", description = "its tracking has ended (reported and approved)")
    public ChaseResult chaseMilestone(@PathParam("milestoneId") long milestoneId) {
        return trackings.chaseMilestone(milestoneId);
    }

    @POST
    @Path("/{processInstanceId}/chase")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "催办 by hand: tell the lead department of a running 节点填报与审核 to report now (stored and mailed)")
    public ChaseResult chase(@PathParam("processInstanceId") String processInstanceId) {
        return trackings.chase(processInstanceId);
    }
}
